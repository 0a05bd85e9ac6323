import { IsString, MaxLength } from 'class-validator';

export class AddEditorDto {
  // Any text: the service says whether it is a facilitator's address, next to the field.
  @IsString() @MaxLength(254)
  email: string;
}
