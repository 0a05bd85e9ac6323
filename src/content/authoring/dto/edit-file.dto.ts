import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The body of the file editor: the text, the version it was based on, and which button was pressed. */
export class EditFileDto {
  // The body parser's 200 kB limit is the real cap; this only keeps absurd values out.
  @IsString() @MaxLength(200_000)
  text: string;

  @IsOptional() @IsString() @Matches(/^([0-9a-f]{64})?$/)
  baseHash?: string;

  @IsIn(['preview', 'save'])
  intent: 'preview' | 'save';
}
