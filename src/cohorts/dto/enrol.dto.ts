import { IsOptional, IsString, MaxLength } from 'class-validator';

export class EnrolDto {
  /** Only for cohorts with an enrolment key. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  key?: string;
}
