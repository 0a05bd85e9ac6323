/**
 * The pre-test scores the progress read model needs. Quizzes own the attempts
 * and sit above progress (they record grades through it), so progress asks
 * for the scores through this port; QuizzesModule provides it (globally).
 */
export abstract class PreTestScores {
  /** The score of the learner's first submitted pre-test in the course, or null. */
  abstract firstScore(userId: number, courseId: number): Promise<number | null>;

  /** The same for many learners and courses in a fixed number of queries, keyed by `${userId}:${courseId}`. */
  abstract firstScores(pairs: { userId: number; courseId: number }[]): Promise<Map<string, number | null>>;
}

export const learnerCourseKey = (userId: number, courseId: number): string => `${userId}:${courseId}`;
