import { IsString, MaxLength } from 'class-validator';

export class PrivacyNoticeDto {
  @IsString()
  @MaxLength(20000)
  es: string;

  @IsString()
  @MaxLength(20000)
  en: string;
}
