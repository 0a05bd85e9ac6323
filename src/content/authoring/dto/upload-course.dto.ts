import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The text fields sent with an upload (the file itself is read by multer). */
export class UploadCourseDto {
  /** For a zip on the start page: the course's slug when the zip does not hold it as its folder name. */
  @IsOptional() @IsString() @MaxLength(80)
  slug?: string;
}
