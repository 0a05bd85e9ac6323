import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../common/roles';

export class ChangeRoleDto {
  @IsIn(ROLES)
  role: string;

  /** The list page (with its search and page) to go back to. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}
