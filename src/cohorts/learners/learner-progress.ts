import type { LearnerProgressSummary } from '../../progress/progress.service';

/** The figures of the staff learner list, taken from the one progress read model. */
export interface LearnerProgress {
  modulesDone: number;
  modulesTotal: number;
  /** Progress in the steps the course's completion rule asks for, as the learner sees it. */
  percent: number;
  /** Mean of the module quiz grades the learner has, in percent; null before any quiz. */
  quizAverage: number | null;
  quizzesPassed: number;
  completed: boolean;
  lastProgressAt: Date | null;
}

export function staffProgress(summary: LearnerProgressSummary | undefined): LearnerProgress | undefined {
  if (!summary) return undefined;
  return {
    modulesDone: summary.modulesDone,
    modulesTotal: summary.modulesTotal,
    percent: summary.percent,
    quizAverage: summary.quizAverage === null ? null : Math.round(summary.quizAverage),
    quizzesPassed: summary.quizzesPassed,
    completed: summary.completed,
    lastProgressAt: summary.lastActivityAt,
  };
}
