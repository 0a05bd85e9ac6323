import { Transform } from 'class-transformer';
import { IsArray, IsIn } from 'class-validator';
import { COHORT_COUNTRIES } from './cohort-form.dto';

export class DuplicateCohortDto {
  /** Ticked checkboxes: none, one or several. None is explained by the service ("tick at least one country"). */
  @Transform(({ value }) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]))
  @IsArray()
  @IsIn(COHORT_COUNTRIES, { each: true })
  countries: string[] = [];
}
