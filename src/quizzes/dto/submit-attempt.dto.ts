import { Allow, IsIn, IsOptional } from 'class-validator';
import { LANGUAGES } from '../../i18n/i18n';

export class SubmitAttemptDto {
  /**
   * `answers[q-<question id>]` fields: one display letter, or several for
   * "multiple". Any shape is let through here on purpose: readAnswers() checks
   * it against the attempt and explains each problem to the learner.
   */
  @Allow()
  answers?: unknown;

  /** Ticked to submit with unanswered questions. */
  @IsOptional()
  @IsIn(['1'])
  confirmIncomplete?: string;
}

/** The quiz form sent by the header's language button: the answers so far and the language to switch to. */
export class KeepAnswersDto {
  @IsIn(LANGUAGES)
  lang: string;

  /** Read like a submission's, then kept on the open attempt (nothing graded). */
  @Allow()
  answers?: unknown;

  @IsOptional()
  @IsIn(['1'])
  confirmIncomplete?: string;
}
