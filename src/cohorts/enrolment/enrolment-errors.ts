import type { MessageRef } from '../../common/errors';
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

/** Why an enrolment did not happen; shown to the user as enrolments.refused.<reason>. */
export class EnrolmentRefusedError extends Error {
  constructor(
    public readonly reason: EnrolmentProblem,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(`Enrolment refused: ${reason}`);
  }

  get messageRef(): MessageRef {
    return { key: `enrolments.refused.${this.reason}`, params: this.params };
  }
}
