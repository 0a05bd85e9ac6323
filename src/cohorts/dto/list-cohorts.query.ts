import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { emptyToUndefined } from './form-transforms';
import { COHORT_COUNTRIES } from './cohort-form.dto';

export class ListCohortsQuery {
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(COHORT_COUNTRIES)
  country?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['current', 'archived', 'all'])
  show?: 'current' | 'archived' | 'all';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
}
