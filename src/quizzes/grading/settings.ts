import type { EffectiveQuizSettings } from './quiz.types';
import type { QuizKind } from '../entities/quiz-attempt.entity';

const DEFAULTS: Omit<EffectiveQuizSettings, 'passMark'> = {
  maxAttempts: 0,
  grading: 'highest',
  shuffle: true,
  timeLimitMinutes: 0,
  showAnswers: true,
};

function wholeNumber(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : fallback;
}

/**
 * Course defaults, then the module's own settings; the pass mark comes from the
 * module settings when present, otherwise the course. The pre-test is a
 * baseline: one attempt, answers never shown (the post-test uses the same questions).
 */
export function effectiveSettings(
  course: { passMark: number; quizDefaults?: Partial<EffectiveQuizSettings> | null },
  moduleSettings: Partial<EffectiveQuizSettings> | null | undefined,
  kind: QuizKind,
): EffectiveQuizSettings {
  const merged = { ...DEFAULTS, ...(course.quizDefaults ?? {}), ...(moduleSettings ?? {}) };
  const settings: EffectiveQuizSettings = {
    maxAttempts: wholeNumber(merged.maxAttempts, DEFAULTS.maxAttempts, 1000),
    grading: merged.grading === 'last' ? 'last' : 'highest',
    shuffle: merged.shuffle !== false,
    timeLimitMinutes: wholeNumber(merged.timeLimitMinutes, 0, 24 * 60),
    showAnswers: merged.showAnswers !== false,
    passMark: wholeNumber(moduleSettings?.passMark ?? course.passMark, 80, 100) || 80,
  };
  return kind === 'pre' ? { ...settings, maxAttempts: 1, showAnswers: false, grading: 'last' } : settings;
}
