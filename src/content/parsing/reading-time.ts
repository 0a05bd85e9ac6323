/**
 * How long a module takes, computed from its text instead of guessed by the
 * author. The readers are front-line officers reading on a phone in their
 * second or third hour of a shift, often in a second language: a slow,
 * careful reading speed is used on purpose.
 */

/** Words per minute of careful reading of technical text on a phone. */
export const READING_WORDS_PER_MINUTE = 180;
/** Minutes to read one quiz question (often a short case), its options, and choose. */
export const MINUTES_PER_QUESTION = 1;

/**
 * Estimated minutes for one module: lesson words at READING_WORDS_PER_MINUTE
 * plus MINUTES_PER_QUESTION per quiz question, rounded up to a whole minute
 * (at least 1). The same rule gives the minutes of the pre-test or post-test
 * with `words: 0`.
 */
export function estimateMinutes(counts: { words: number; questions: number }): number {
  const minutes = counts.words / READING_WORDS_PER_MINUTE + counts.questions * MINUTES_PER_QUESTION;
  return Math.max(1, Math.ceil(minutes - 1e-9));
}

/** The course's computed study time: every module, plus the pre-test and the post-test when offered. */
export function estimateCourseMinutes(moduleMinutes: readonly number[], assessment: { questions: number; preTest: boolean; postTest: boolean } | null): number {
  const modules = moduleMinutes.reduce((sum, minutes) => sum + minutes, 0);
  if (!assessment || assessment.questions === 0) return modules;
  const tests = (assessment.preTest ? 1 : 0) + (assessment.postTest ? 1 : 0);
  return modules + tests * estimateMinutes({ words: 0, questions: assessment.questions });
}

/**
 * true when the hours declared in course.md are more than half away from the
 * computed study time: below half of it or above one and a half times it.
 */
export function hoursDisagree(declaredHours: number, computedMinutes: number): boolean {
  if (computedMinutes <= 0) return false;
  const declared = declaredHours * 60;
  return declared < computedMinutes * 0.5 || declared > computedMinutes * 1.5;
}
