import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logIn } from '../sessions/request-session';
import { Public } from '../common/access.decorators';
import { FormView } from '../common/error-pages';
import { flash } from '../common/flash';
import { AccountService } from './account.service';
import { SetPasswordDto } from './dto/set-password.dto';

/** The page a set-password link opens: choose a password, then you are signed in. */
@Controller('account')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get('set-password/:token')
  @Public()
  @Render('account/set-password')
  async setPasswordPage(@Param('token') token: string) {
    const user = await this.account.accountForLink(token);
    return { values: {}, email: user.email, name: user.name };
  }

  @Post('set-password/:token')
  @Public()
  @FormView('account/set-password')
  async setPassword(
    @Param('token') token: string,
    @Body() body: SetPasswordDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const user = await this.account.setPasswordWithLink(token, body.password);
    await logIn(request, user);
    // logIn gave this browser a fresh session id: keep it, end every other session of the account.
    await this.account.endOtherSessions(user.id, request.sessionID);
    request.session.lang = user.preferredLanguage;
    flash(request, 'success', 'account.setPassword.done', { name: user.name });
    response.redirect(303, '/');
  }
}
