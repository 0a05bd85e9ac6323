import { Body, Controller, Get, NotFoundException, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ParseIdPipe } from '../../common/id.pipe';
import { Roles } from '../../common/access.decorators';
import { FormView } from '../../common/error-pages';
import { CurrentUser } from '../../common/current-user.decorator';
import { flash } from '../../common/flash';
import type { User } from '../../users/user.entity';
import { AnonymiseUserDto } from '../dto/anonymise-user.dto';
import { AnonymisationService } from './anonymisation.service';

/** Admins erase a person's data on request, after a confirmation page. */
@Controller('admin/users')
@Roles('admin')
export class AnonymisationController {
  constructor(private readonly anonymisation: AnonymisationService) {}

  /** The confirmation page: what will be erased and what stays. */
  @Get(':id/anonymise')
  @Render('admin/anonymise')
  async page(@Param('id', ParseIdPipe) id: number, @CurrentUser() actor: User) {
    const target = await this.anonymisation.target(id);
    if (!target || target.id === actor.id) throw new NotFoundException();
    return { target, values: {} };
  }

  @Post(':id/anonymise')
  @FormView('admin/anonymise')
  async anonymise(
    @Param('id', ParseIdPipe) id: number,
    @Body() _body: AnonymiseUserDto,
    @CurrentUser() actor: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.anonymisation.anonymise(actor, id);
    flash(request, 'success', 'users.anonymise.done', { id });
    response.redirect(303, '/admin/users');
  }
}
