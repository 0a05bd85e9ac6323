import { Transform } from 'class-transformer';
import { Equals, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ProfileFieldsDto } from '../../users/dto/profile-fields.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-hasher';

export class RegisterDto extends ProfileFieldsDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail() @MaxLength(254)
  email: string;

  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @IsString()
  passwordConfirmation: string;

  // Data protection: participants agree to the stated purpose before any data is kept.
  @Equals('yes')
  dataConsent: string;
}
