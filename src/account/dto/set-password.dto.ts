import { Equals, IsString } from 'class-validator';
import { MatchesPassword, NewPassword } from '../../users/dto/password-fields';

export class SetPasswordDto {
  @NewPassword()
  password: string;

  @IsString()
  @MatchesPassword('password')
  passwordConfirmation: string;

  // The account was created by a coordinator: the person agrees to the data use on first sign-in.
  @Equals('yes')
  dataConsent: string;
}
