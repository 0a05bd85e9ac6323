import { Transform, TransformFnParams } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { COUNTRIES, INSTITUTIONS } from '../../users/profile-options';
import { ROSTER_STATUSES, RosterStatus } from '../roster/roster-row';
import { MAX_PAGE } from '../../common/page-number';

const blank = ({ value }: TransformFnParams): unknown => (value === '' ? undefined : value);
const id = ({ value }: TransformFnParams): unknown =>
  value === '' || value === undefined ? undefined : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of /reports and of every roster and summary download (GET query). */
export class ReportFilterQuery {
  @Transform(id)
  @IsOptional()
  @IsInt()
  @Min(1)
  course?: number;

  @Transform(id)
  @IsOptional()
  @IsInt()
  @Min(1)
  cohort?: number;

  @Transform(blank)
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string;

  @Transform(blank)
  @IsOptional()
  @IsIn(INSTITUTIONS)
  institution?: string;

  @Transform(blank)
  @IsOptional()
  @IsIn(ROSTER_STATUSES)
  status?: RosterStatus;

  @Transform(blank)
  @IsOptional()
  @IsIn(['enrolled', 'completed'])
  dateField?: 'enrolled' | 'completed';

  @Transform(blank)
  @IsOptional()
  @Matches(DAY)
  from?: string;

  @Transform(blank)
  @IsOptional()
  @Matches(DAY)
  to?: string;

  /** Set by the form's button: the summary is computed only when asked for. */
  @Transform(blank)
  @IsOptional()
  @IsIn(['1'])
  run?: string;
}

/** Question analysis: a course (required to show anything), optionally one cohort. */
export class QuestionsQuery {
  @Transform(id)
  @IsOptional()
  @IsInt()
  @Min(1)
  course?: number;

  @Transform(id)
  @IsOptional()
  @IsInt()
  @Min(1)
  cohort?: number;
}

export class DownloadsQuery {
  @Transform(id)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;
}
