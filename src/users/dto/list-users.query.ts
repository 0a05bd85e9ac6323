import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../common/roles';
import { PageNumber } from '../../common/page-number';

export class ListUsersQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: string;

  @PageNumber()
  page?: number;
}
