import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { COUNTRIES } from '../../users/profile-options';
import type { EnrolmentMode } from '../entities/cohort.entity';
import { emptyToUndefined, idList, optionalNumber, trimmed } from './form-transforms';
import { MAX_ID } from '../../common/id.pipe';

export const ENROLMENT_MODES: EnrolmentMode[] = ['open', 'key', 'approval', 'invitation'];
export const COHORT_COUNTRIES = COUNTRIES.filter((code) => code !== 'other');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CohortFormDto {
  @Transform(optionalNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  courseId: number;

  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(160)
  name: string;

  @IsIn(COHORT_COUNTRIES)
  country: string;

  @Matches(DAY)
  startsOn: string;

  @Matches(DAY)
  endsOn: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(DAY)
  enrolmentOpensOn?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(DAY)
  enrolmentClosesOn?: string;

  @Transform(optionalNumber)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @IsIn(ENROLMENT_MODES)
  enrolmentMode: EnrolmentMode;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  enrolmentKey?: string;

  /** A checkbox: sent as "1" when ticked, absent otherwise. */
  @Transform(({ value }) => value === '1' || value === 'on' || value === true)
  @IsOptional()
  @IsBoolean()
  earlyAccess?: boolean;

  @Transform(idList)
  @IsArray()
  @IsInt({ each: true })
  facilitatorIds: number[] = [];
}
