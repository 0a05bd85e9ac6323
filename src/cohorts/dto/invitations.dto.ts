import { IsString, MaxLength } from 'class-validator';
import { NewAccountDto } from '../../auth/dto/new-account.dto';

export class InviteDto {
  /** Addresses separated by commas, semicolons, spaces or new lines (pasted from a spreadsheet or a message). */
  @IsString()
  @MaxLength(20000)
  emails: string;
}

/** Someone without an account accepts an invitation: their profile and a password; the email is the invitation's. */
export class AcceptInvitationDto extends NewAccountDto {}
