import { Transform } from 'class-transformer';
import { IsArray, IsIn } from 'class-validator';
import { COHORT_COUNTRIES } from './cohort-form.dto';

export class DuplicateCohortDto {
  @Transform(({ value }) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]))
  @IsArray() @IsIn(COHORT_COUNTRIES, { each: true })
  countries: string[];
}
