import { join } from 'node:path';
import { PROJECT_ROOT } from '../../config/project-root';
import { checkContentRoot } from './content-root';
import { correctIsStrictlyLongest, trueFalseKey } from './item-writing';
import { loadFolder } from './loader';
import { type ProblemReport } from './problems';
import { readQuizDocument } from './quiz-document';
import type { RawQuestion } from './questions';

/**
 * The courses shipped in content/, checked as a whole: no problem at all, and
 * assessment statistics that cannot be gamed: across every course and both
 * languages, the key is the strictly longest option in at most 40% of the
 * single-choice items (chance with 3-4 options is 25-33%) and "true" is the
 * key of 30-70% of the true/false items.
 */
const CONTENT = join(PROJECT_ROOT, 'content');

async function shippedQuestions(): Promise<RawQuestion[]> {
  const files = await loadFolder(CONTENT);
  const quiet = { add: () => undefined } as unknown as ProblemReport; // problems are the other test's business
  const questions: RawQuestion[] = [];
  for (const [path, content] of files) {
    if (!/^[^/]+\/(?:\d{2}-[^/]+|assessment)\.(?:es|en)\.md$/.test(path)) continue;
    questions.push(...readQuizDocument(content.toString(), quiet, undefined).questions);
  }
  return questions;
}

describe('shipped content', () => {
  it('passes content:check with no errors and no warnings', async () => {
    const { problems, courses, slugs } = checkContentRoot(await loadFolder(CONTENT));
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.code}`)).toEqual([]);
    expect(courses.map((course) => course.slug)).toEqual(slugs);
  });

  it('keys single-choice items to the strictly longest option in at most 40% of them', async () => {
    const single = (await shippedQuestions()).filter((question) => question.type === 'single');
    const longest = single.filter(correctIsStrictlyLongest);
    expect(single.length).toBeGreaterThan(40);
    expect(longest.length / single.length).toBeLessThanOrEqual(0.4);
  });

  it('keys 30-70% of the true/false items to "true"', async () => {
    const keys = (await shippedQuestions()).map(trueFalseKey).filter((key): key is boolean => key !== null);
    const trueShare = keys.filter((key) => key).length / keys.length;
    expect(keys.length).toBeGreaterThan(20);
    expect(trueShare).toBeGreaterThanOrEqual(0.3);
    expect(trueShare).toBeLessThanOrEqual(0.7);
  });
});
