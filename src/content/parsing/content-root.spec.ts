import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContentRoot } from './content-root';
import { PROBLEM_CATALOGUE } from './problem-catalogue';
import { createProblem, formatProblem } from './problems';

describe('checkContentRoot', () => {
  it('treats every sub-folder as a course and skips loose files such as the guide', () => {
    const files = new Map<string, string>([
      ['README.md', '# Guide, not a course'],
      ['a/course.md', 'not front matter'],
      ['b/01-x.es.md', '---\ntitle: X\nobjectives: { o1: Uno, o2: Dos }\norder: 1\n---\n'],
    ]);
    const { courses, problems, slugs } = checkContentRoot(files);
    expect(slugs).toEqual(['a', 'b']);
    expect(courses).toEqual([]);
    expect(problems.map((problem) => `${problem.file}:${problem.code}`)).toEqual([
      'a/course.md:front-matter.missing',
      'a/course.md:course.no-modules',
      'b/01-x.es.md:lesson.empty',
      'b/course.md:course.missing-course-file',
    ]);
  });
});

describe('problem catalogue', () => {
  it('formats problems the way editors and CI logs read them', () => {
    const problem = createProblem('trata/01-a.es.md', 42, 'question.no-correct-option', { id: 'q1' });
    expect(formatProblem(problem, 'content')).toBe(
      'content/trata/01-a.es.md:42: error: Question "q1" has no correct option: mark at least one with - [x] [question.no-correct-option]',
    );
  });

  it('documents every problem code in the authoring guide', () => {
    const guide = readFileSync(join(__dirname, '..', '..', '..', 'content', 'README.md'), 'utf8');
    const undocumented = Object.keys(PROBLEM_CATALOGUE).filter((code) => !guide.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });
});
