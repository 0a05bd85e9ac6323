import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../users/password-hasher';
import { MatchesPassword, NewPassword } from '../../users/dto/password-fields';

export class ChangePasswordDto {
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @NewPassword()
  newPassword: string;

  @IsString()
  @MatchesPassword('newPassword')
  passwordConfirmation: string;
}
