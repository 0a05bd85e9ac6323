import { IsIn, IsOptional } from 'class-validator';
import { LANGUAGES } from '../../i18n/i18n';
import { PageNumber } from '../../common/page-number';

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

  @PageNumber()
  page?: number;
}
