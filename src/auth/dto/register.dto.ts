import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { NewAccountDto } from './new-account.dto';

export class RegisterDto extends NewAccountDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;
}
