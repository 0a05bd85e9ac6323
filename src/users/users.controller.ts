import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated } from '../common/access.decorators';
import { FormView } from '../common/error-pages';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Controller('profile')
@Authenticated()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Render('users/profile')
  profilePage(@CurrentUser() user: User) {
    return { values: user };
  }

  @Post()
  @FormView('users/profile')
  async updateProfile(
    @CurrentUser() user: User,
    @Body() body: UpdateProfileDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const updated = await this.users.updateProfile(user.id, body);
    request.session.lang = updated.preferredLanguage;
    flash(request, 'success', 'users.profile.saved');
    response.redirect(303, '/profile');
  }
}
