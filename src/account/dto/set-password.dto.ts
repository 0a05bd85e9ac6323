import { Equals, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-hasher';

export class SetPasswordDto {
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @IsString()
  passwordConfirmation: string;

  // The account was created by a coordinator: the person agrees to the data use on first sign-in.
  @Equals('yes')
  dataConsent: string;
}
