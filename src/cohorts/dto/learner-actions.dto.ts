import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { emptyToUndefined, optionalNumber } from './form-transforms';

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

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
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
  targetCohortId: number;
}

export class ExtendAccessDto extends ReturnToDto {
  /** A day (YYYY-MM-DD); empty removes the extension. */
  @IsOptional()
  @IsString()
  @Matches(/^(\d{4}-\d{2}-\d{2})?$/)
  until?: string;
}
