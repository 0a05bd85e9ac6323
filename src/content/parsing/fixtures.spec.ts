import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContentRoot } from './content-root';
import { loadFolder } from './loader';

/**
 * test/fixtures/content/ok holds valid courses; not-ok/<kind>/ holds one kind
 * of mistake each, with expected.txt listing exactly the problems the checker
 * must report ("<slug>/<file>:<line>: <code>", # starts a comment).
 */
const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'content');
const NOT_OK = join(FIXTURES, 'not-ok');
const notOkKinds = readdirSync(NOT_OK, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function expectedProblems(kind: string): string[] {
  return readFileSync(join(NOT_OK, kind, 'expected.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .sort();
}

describe('content fixtures', () => {
  it('has at least 15 kinds of mistake', () => {
    expect(notOkKinds.length).toBeGreaterThanOrEqual(15);
  });

  it('finds no problem at all in the ok courses, and parses them whole', async () => {
    const { courses, problems, slugs } = checkContentRoot(await loadFolder(join(FIXTURES, 'ok')));
    expect(problems).toEqual([]);
    expect(courses.map((course) => course.slug)).toEqual(slugs);
    for (const course of courses) {
      expect(course.modules.length).toBeGreaterThan(0);
      for (const module of course.modules) expect(Object.keys(module.versions)).toEqual(course.settings.languages);
    }
  });

  describe.each(notOkKinds)('not-ok/%s', (kind) => {
    it('reports exactly the problems in expected.txt', async () => {
      const { problems } = checkContentRoot(await loadFolder(join(NOT_OK, kind)));
      const reported = problems.map((problem) => `${problem.file}:${problem.line}: ${problem.code}`).sort();
      expect(reported).toEqual(expectedProblems(kind));
    });

    it('builds no course when any expected problem is an error, and every message is filled in', async () => {
      const { courses, problems } = checkContentRoot(await loadFolder(join(NOT_OK, kind)));
      const hasError = problems.some((problem) => problem.severity === 'error');
      expect(courses.length === 0).toBe(hasError);
      for (const problem of problems) expect(problem.message).not.toMatch(/undefined|NaN|\[object/);
    });
  });
});
