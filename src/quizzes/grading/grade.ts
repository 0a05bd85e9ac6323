import type { GradeResult, GradingMethod, QuestionResult, StoredAnswers, StoredQuestion } from './quiz.types';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Percentage with at most two decimals. */
export function percentage(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 10000) / whole) / 100 : 0;
}

/** Integer arithmetic, so 4 of 5 against a pass mark of 80 passes without floating-point doubt. */
export function meetsPassMark(correct: number, total: number, passMark: number): boolean {
  return total > 0 && correct * 100 >= passMark * total;
}

/**
 * Grades answers that readAnswers() already checked. A question is right when
 * exactly the correct options are chosen (all-or-nothing for "multiple").
 */
export function gradeAnswers(questions: readonly StoredQuestion[], answers: StoredAnswers, passMark: number): GradeResult {
  const results: QuestionResult[] = questions.map((question) => {
    const chosen = answers[question.id] ?? [];
    const correctIds = question.options.filter((option) => option.correct).map((option) => option.id);
    return { questionId: question.id, chosen, answered: chosen.length > 0, correct: chosen.length > 0 && sameSet(chosen, correctIds) };
  });
  const correctCount = results.filter((result) => result.correct).length;
  return {
    results,
    questionCount: questions.length,
    correctCount,
    score: percentage(correctCount, questions.length),
    passed: meetsPassMark(correctCount, questions.length, passMark),
  };
}

export interface SubmittedAttempt {
  id: number;
  attemptNumber: number;
  score: number;
  passed: boolean;
}

/** The grade that counts across a learner's submitted attempts: the best one, or the most recent one. */
export function overallGrade<T extends SubmittedAttempt>(attempts: readonly T[], method: GradingMethod): T | null {
  if (attempts.length === 0) return null;
  const byNumber = [...attempts].sort((a, b) => a.attemptNumber - b.attemptNumber);
  if (method === 'last') return byNumber[byNumber.length - 1];
  // Highest score; on a tie the earliest attempt, so a later equal score changes nothing.
  return byNumber.reduce((best, attempt) => (attempt.score > best.score ? attempt : best));
}

/** Attempts left, or null when unlimited. */
export function attemptsLeft(maxAttempts: number, used: number): number | null {
  return maxAttempts > 0 ? Math.max(0, maxAttempts - used) : null;
}
