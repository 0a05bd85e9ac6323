import { Equals, IsString } from 'class-validator';
import { ProfileFieldsDto } from '../../users/dto/profile-fields.dto';
import { MatchesPassword, NewPassword } from '../../users/dto/password-fields';

/** Profile, password and consent: what a person gives when they create their own account (registration or invitation). */
export class NewAccountDto extends ProfileFieldsDto {
  @NewPassword()
  password: string;

  @IsString()
  @MatchesPassword('password')
  passwordConfirmation: string;

  // Data protection: participants agree to the stated purpose before any data is kept.
  @Equals('yes')
  dataConsent: string;
}
