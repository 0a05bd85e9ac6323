/**
 * A weak connection can take a while to deliver a form sent on time: a short
 * grace absorbs that. Past deadline + grace the submission is late.
 */
export const LATE_GRACE_SECONDS = 60;

export function deadlineFor(startedAt: Date, timeLimitMinutes: number): Date | null {
  return timeLimitMinutes > 0 ? new Date(startedAt.getTime() + timeLimitMinutes * 60_000) : null;
}

/** Decided by the server clock alone; nothing the browser sends is trusted. */
export function isLate(deadlineAt: Date | null, at: Date, graceSeconds = LATE_GRACE_SECONDS): boolean {
  return deadlineAt !== null && at.getTime() > deadlineAt.getTime() + graceSeconds * 1000;
}

/** Whole minutes left before the deadline (never negative), for the page. */
export function minutesLeft(deadlineAt: Date | null, now: Date): number | null {
  if (!deadlineAt) return null;
  return Math.max(0, Math.ceil((deadlineAt.getTime() - now.getTime()) / 60_000));
}

/**
 * The late rule: a late attempt is kept (answers and per-question results stay
 * visible to the learner) but is recorded as 0% and not passed.
 */
export function recordedScore(grade: { score: number; passed: boolean }, late: boolean): { score: number; passed: boolean } {
  return late ? { score: 0, passed: false } : { score: grade.score, passed: grade.passed };
}
