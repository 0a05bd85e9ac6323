import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { emptyToUndefined } from './form-transforms';
import { COHORT_COUNTRIES } from './cohort-form.dto';
import { PageNumber } from '../../common/page-number';

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

  @PageNumber()
  page?: number;
}
