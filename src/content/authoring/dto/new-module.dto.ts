import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** A new module: its file key and one text per course language (the languages the platform supports). */
export class NewModuleDto {
  // Checked against the module-name pattern by the service, so the form can say what is wrong.
  @IsString() @MaxLength(80)
  key: string;

  @IsOptional() @IsString() @MaxLength(200_000)
  textEs?: string;

  @IsOptional() @IsString() @MaxLength(200_000)
  textEn?: string;

  @IsIn(['preview', 'save'])
  intent: 'preview' | 'save';
}
