/** Which test: the pre-test (baseline) or the post-test. */
export type TestKind = 'pre' | 'post';

/**
 * The first-attempt scores of the pre-test and the post-test that the progress
 * read model needs: the pre-test's baseline, and the post-test's first attempt,
 * from which knowledge gain is computed (later attempts repeat questions already
 * seen and would measure memory of the key). Quizzes own the attempts and sit
 * above progress (they record grades through it), so progress asks for the
 * scores through this port; QuizzesModule provides it (globally).
 */
export abstract class PreTestScores {
  /** The score of the learner's first submitted pre-test (or post-test) in the course, or null. */
  abstract firstScore(userId: number, courseId: number, kind?: TestKind): Promise<number | null>;

  /** Both first scores of one learner in one course, in one statement. */
  abstract firstScoresOfLearner(userId: number, courseId: number): Promise<{ pre: number | null; post: number | null }>;

  /** The same for many learners and courses in a fixed number of queries, keyed by `${userId}:${courseId}`. */
  abstract firstScores(pairs: { userId: number; courseId: number }[], kind?: TestKind): Promise<Map<string, number | null>>;
}

export const learnerCourseKey = (userId: number, courseId: number): string => `${userId}:${courseId}`;
