import { DomainError } from '../../common/errors';
import type { RefusalReason } from './enrolment-rules';

export type EnrolmentProblem =
  | RefusalReason
  | 'alreadyEnrolled'
  | 'alreadyRequested'
  | 'activeElsewhere'
  | 'activeInCourse'
  | 'notPending'
  | 'otherCourse'
  | 'sameCohort'
  | 'badDate'
  | 'invitationUsed'
  | 'invitationForOther';

/** Problems the person can fix in what they sent; the rest are conflicts with the cohort's state. */
const FIXABLE: EnrolmentProblem[] = ['wrongKey', 'badDate'];

/** Why an enrolment did not happen; shown to the user as enrolments.refused.<reason>. */
export class EnrolmentRefusedError extends DomainError {
  constructor(
    public readonly reason: EnrolmentProblem,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(FIXABLE.includes(reason) ? 'form' : 'conflict', { key: `enrolments.refused.${reason}`, params });
  }
}
