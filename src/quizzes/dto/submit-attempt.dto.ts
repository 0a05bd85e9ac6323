import { Allow, IsIn, IsOptional } from 'class-validator';

export class SubmitAttemptDto {
  /**
   * `answers[q-<question id>]` fields: one display letter, or several for
   * "multiple". Any shape is let through here on purpose: readAnswers() checks
   * it against the attempt and explains each problem to the learner.
   */
  @Allow()
  answers?: unknown;

  /** Ticked to submit with unanswered questions. */
  @IsOptional() @IsIn(['1'])
  confirmIncomplete?: string;
}
