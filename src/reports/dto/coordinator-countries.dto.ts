import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import { COUNTRIES } from '../../users/profile-options';

/** The countries ticked for a coordinator (none, or the field absent when nothing is ticked = every country). */
export class CoordinatorCountriesDto {
  @Transform(({ value }) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]))
  @IsOptional()
  @IsArray()
  @IsIn(COUNTRIES.filter((code) => code !== 'other'), { each: true })
  countries?: string[];
}
