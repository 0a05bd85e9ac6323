import type { StoredQuestion } from '../../content/entities/module-version.entity';

export type { StoredQuestion };

/** The order in which one attempt shows its questions and, per question, its options. */
export type AttemptLayout = { questionId: string; optionIds: string[] }[];

/** What a learner chose: question id -> option ids (the stable ids 'a', 'b'..., never display letters). */
export type StoredAnswers = Record<string, string[]>;

export type GradingMethod = 'highest' | 'last';

/** The settings one quiz runs with, after course defaults, module overrides and pre/post-test rules. */
export interface EffectiveQuizSettings {
  /** 0 = unlimited. */
  maxAttempts: number;
  grading: GradingMethod;
  shuffle: boolean;
  /** 0 = no limit. */
  timeLimitMinutes: number;
  showAnswers: boolean;
  /** Percentage 1-100. */
  passMark: number;
}

export interface QuestionResult {
  questionId: string;
  chosen: string[];
  answered: boolean;
  correct: boolean;
}

export interface GradeResult {
  results: QuestionResult[];
  questionCount: number;
  correctCount: number;
  /** Percentage 0-100, two decimals at most. */
  score: number;
  passed: boolean;
}
