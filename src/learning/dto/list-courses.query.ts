import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LANGUAGES } from '../../i18n/i18n';

/** The topics of the content format (course.md `topic:`). */
export const CATALOGUE_TOPICS = ['trafficking', 'smuggling', 'children', 'psychosocial', 'other'] as const;

export class ListCoursesQuery {
  // An empty select ("all topics") sends topic=, which means no filter.
  @IsOptional()
  @IsIn(['', ...CATALOGUE_TOPICS])
  topic?: string;

  @IsOptional()
  @IsIn(['', ...LANGUAGES])
  language?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;
}
