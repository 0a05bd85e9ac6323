import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { pageLinks } from '../common/pagination';
import { ROLES, Role } from '../common/roles';
import { safeLocalPath } from '../common/safe-redirect';
import { ChangeRoleDto } from './dto/change-role.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { ParseIdPipe } from '../common/id.pipe';

@Controller('admin/users')
@Roles('admin')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Render('admin/users')
  async list(@Query() query: ListUsersQuery, @CurrentUser() actor: User) {
    const result = await this.users.list(query);
    return { ...result, ...pageLinks('/admin/users', { ...query }, result.page, result.pageCount), query, roles: ROLES, actorId: actor.id };
  }

  @Post(':id/role')
  async changeRole(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ChangeRoleDto,
    @CurrentUser() actor: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const target = await this.users.changeRole(actor, id, body.role as Role);
    flash(request, 'success', 'users.admin.roleChanged', { name: target.name });
    response.redirect(303, safeLocalPath(body.returnTo, '/admin/users'));
  }
}
