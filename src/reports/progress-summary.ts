/** The progress read model's batch row (ProgressService.summariesForEnrolments): the figures every report shows. */
export type { LearnerProgressSummary } from '../progress/progress.service';

export type CertificateStatus = 'valid' | 'revoked' | 'replaced';
export interface CertificateSummary {
  code: string;
  status: CertificateStatus;
}
