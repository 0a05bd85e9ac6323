import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LANGUAGES } from '../../i18n/i18n';
import { AGE_GROUPS, COUNTRIES, INSTITUTIONS, SEXES } from '../profile-options';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The profile fields shared by registration, profile editing and bulk enrolment. */
export class ProfileFieldsDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @IsIn(INSTITUTIONS)
  institution: string;

  @ValidateIf((dto: ProfileFieldsDto) => dto.institution === 'other')
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  institutionOther?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  position: string;

  @IsIn(COUNTRIES)
  country: string;

  @ValidateIf((dto: ProfileFieldsDto) => dto.country === 'other')
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  countryOther?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  department: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  dutyStation: string;

  @IsIn(SEXES)
  sex: string;

  @IsIn(AGE_GROUPS)
  ageGroup: string;

  @IsIn(LANGUAGES)
  preferredLanguage: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}
