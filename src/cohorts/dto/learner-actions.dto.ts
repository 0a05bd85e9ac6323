import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { emptyToUndefined, optionalNumber } from './form-transforms';
import { PageNumber } from '../../common/page-number';
import { MAX_ID } from '../../common/id.pipe';

const STATUSES = ['active', 'pending', 'withdrawn', 'moved', 'declined', 'all'];

export class ListLearnersQuery {
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(STATUSES)
  status?: 'active' | 'pending' | 'withdrawn' | 'moved' | 'declined' | 'all';

  @PageNumber()
  page?: number;
}

/** Buttons on a list send the list's address back, so the user lands where they were. */
export class ReturnToDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}

export class MoveLearnerDto extends ReturnToDto {
  @Transform(optionalNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  targetCohortId: number;
}

export class ExtendAccessDto extends ReturnToDto {
  /** A day (YYYY-MM-DD); empty removes the extension. */
  @IsOptional()
  @IsString()
  @Matches(/^(\d{4}-\d{2}-\d{2})?$/)
  until?: string;
}
