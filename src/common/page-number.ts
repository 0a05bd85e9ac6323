import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The highest page a list accepts: far beyond any real list, well inside every database's OFFSET range. */
export const MAX_PAGE = 100_000;

/**
 * An optional 1-based `?page=` of a list: whole, 1 to MAX_PAGE. The upper bound matters:
 * "99999999999999999999999" is a whole number to JavaScript (1e23), and PostgreSQL refuses such an OFFSET.
 */
export function PageNumber(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_PAGE),
  );
}
