/**
 * The progress read model's batch row (src/progress, ProgressService.summariesForEnrolments).
 * Re-exported here so the pure report rules name one type.
 */
export interface LearnerProgressSummary {
  enrolmentId: number;
  userId: number;
  courseId: number;
  cohortId: number | null;
  modulesTotal: number;
  modulesDone: number;
  percent: number;
  quizzesTotal: number;
  quizzesPassed: number;
  quizAverage: number | null;
  preTestScore: number | null;
  postTestScore: number | null;
  knowledgeGain: number | null;
  completed: boolean;
  completedAt: Date | null;
  lastActivityAt: Date | null;
}

export type CertificateStatus = 'valid' | 'revoked' | 'replaced';
export interface CertificateSummary {
  code: string;
  status: CertificateStatus;
}
