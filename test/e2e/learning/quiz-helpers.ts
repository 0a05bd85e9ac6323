import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import type { StoredQuestion } from '../../../src/content/entities/module-version.entity';
import { QuizAttempt, QuizKind } from '../../../src/quizzes/entities/quiz-attempt.entity';
import type { QuestionSpec } from '../../utils/course-factories';
import { Agent, csrfToken } from '../../utils/test-app';

export type Choice = 'right' | 'wrong' | 'skip';

/** Posts a form exactly as a browser does: url-encoded pairs, a repeated name for each ticked checkbox. */
export async function postPairs(agent: Agent, pagePath: string, action: string, pairs: [string, string][]) {
  const token = await csrfToken(agent, pagePath);
  const body = new URLSearchParams([...pairs, ['_csrf', token]]).toString();
  return agent.post(action).type('form').send(body);
}

export async function latestAttempt(
  app: NestExpressApplication,
  userId: number,
  moduleId: number,
  kind: QuizKind = 'module',
): Promise<QuizAttempt> {
  return app
    .get(DataSource)
    .getRepository(QuizAttempt)
    .findOneOrFail({ where: { userId, moduleId, kind }, order: { attemptNumber: 'DESC' } });
}

export function attemptsOf(
  app: NestExpressApplication,
  userId: number,
  moduleId: number,
  kind: QuizKind = 'module',
): Promise<QuizAttempt[]> {
  return app
    .get(DataSource)
    .getRepository(QuizAttempt)
    .find({ where: { userId, moduleId, kind }, order: { attemptNumber: 'ASC' } });
}

/**
 * The form pairs that answer an attempt: the test knows the right options by
 * authored position and finds their display letters through the attempt's layout.
 */
export function answerPairs(attempt: QuizAttempt, specs: QuestionSpec[], choose: Choice | Record<string, Choice>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of attempt.layout) {
    const spec = specs.find((candidate) => candidate.id === entry.questionId);
    if (!spec) throw new Error(`No spec for ${entry.questionId}`);
    const choice = typeof choose === 'string' ? choose : (choose[entry.questionId] ?? 'right');
    if (choice === 'skip') continue;
    const count = entry.optionIds.length;
    const right = (spec.correct ?? [0]).map((index) => 'abcdefgh'[index]);
    const wrongOption = Array.from({ length: count }, (_, index) => 'abcdefgh'[index]).find((id) => !right.includes(id)) as string;
    const optionIds = choice === 'right' ? right : [wrongOption];
    for (const optionId of optionIds) pairs.push([`answers[q-${entry.questionId}]`, 'abcdefgh'[entry.optionIds.indexOf(optionId)]]);
  }
  return pairs;
}

/** Starts (or resumes) an attempt through the quiz page and returns it. */
export async function startAttempt(
  app: NestExpressApplication,
  agent: Agent,
  basePath: string,
  userId: number,
  moduleId: number,
  kind: QuizKind = 'module',
) {
  const response = await postPairs(agent, basePath, `${basePath}/start`, []);
  if (response.status !== 303) throw new Error(`Start failed with ${response.status}`);
  return latestAttempt(app, userId, moduleId, kind);
}

/** Starts an attempt and submits it with the given choices. */
export async function takeQuiz(
  app: NestExpressApplication,
  agent: Agent,
  basePath: string,
  userId: number,
  moduleId: number,
  specs: QuestionSpec[],
  choose: Choice | Record<string, Choice>,
  kind: QuizKind = 'module',
) {
  const attempt = await startAttempt(app, agent, basePath, userId, moduleId, kind);
  const pairs = answerPairs(attempt, specs, choose);
  const skipped = attempt.layout.length !== new Set(pairs.map(([name]) => name)).size;
  const response = await postPairs(
    agent,
    basePath,
    `${basePath}/attempts/${attempt.id}`,
    skipped ? [...pairs, ['confirmIncomplete', '1']] : pairs,
  );
  return { attempt, response, pairs };
}

/** Right answers read from the stored questions themselves (for imported content, whose answers the test does not write). */
export function rightPairsFromQuestions(attempt: QuizAttempt, questions: StoredQuestion[]): [string, string][] {
  return attempt.layout.flatMap((entry) => {
    const question = questions.find((candidate) => candidate.id === entry.questionId);
    const right = (question?.options ?? []).filter((option) => option.correct).map((option) => option.id);
    return right.map((optionId): [string, string] => [`answers[q-${entry.questionId}]`, 'abcdefgh'[entry.optionIds.indexOf(optionId)]]);
  });
}
