import { IsString, MaxLength } from 'class-validator';
import { ProfileFieldsDto } from '../../users/dto/profile-fields.dto';
import { Equals, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-hasher';

export class InviteDto {
  /** Addresses separated by commas, semicolons, spaces or new lines (pasted from a spreadsheet or a message). */
  @IsString() @MaxLength(20000)
  emails: string;
}

/** Someone without an account accepts an invitation: their profile and a password; the email is the invitation's. */
export class AcceptInvitationDto extends ProfileFieldsDto {
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @IsString()
  passwordConfirmation: string;

  @Equals('yes')
  dataConsent: string;
}
