import { Body, Controller, Get, HttpCode, Post, Query, Render, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../common/access.decorators';
import { FormView } from '../common/error-pages';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { safeLocalPath } from '../common/safe-redirect';
import { User } from '../users/user.entity';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { AuthService } from './auth.service';
import { RegistrationService } from './registration.service';
import { LocalAuthGuard } from './local-auth.guard';
import { logIn, logOut, regenerateSession } from '../sessions/request-session';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
  ) {}

  @Get('auth/login')
  @Public()
  @Render('auth/login')
  loginPage(@Query('next') next?: string) {
    return { values: { next: safeLocalPath(next, '') } };
  }

  @Post('auth/login')
  @Public()
  @FormView('auth/login')
  @UseGuards(LocalAuthGuard)
  @HttpCode(303)
  login(@Body() body: LoginDto, @Res() response: Response): void {
    response.redirect(303, safeLocalPath(body.next, '/'));
  }

  @Get('auth/register')
  @Public()
  @Render('auth/register')
  registerPage(@Req() request: Request, @Query('next') next?: string) {
    return { values: { preferredLanguage: request.lang, next: safeLocalPath(next, '') } };
  }

  @Post('auth/register')
  @Public()
  @FormView('auth/register')
  async register(@Body() body: RegisterDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const user = await this.registration.register(body, request.ip ?? 'unknown');
    const next = safeLocalPath(body.next, '');
    if (!user) {
      // Mail configured: the same answer whether or not the email had an account (RegistrationService).
      flash(request, 'info', 'auth.register.checkInbox');
      response.redirect(303, next ? `/auth/login?next=${encodeURIComponent(next)}` : '/auth/login');
      return;
    }
    await logIn(request, user);
    request.session.lang = user.preferredLanguage;
    flash(request, 'success', 'auth.register.welcome', { name: user.name });
    response.redirect(303, next || '/');
  }

  @Post('auth/logout')
  @Authenticated()
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    await logOut(request, response);
    response.redirect(303, '/');
  }

  @Get('profile/password')
  @Authenticated()
  @Render('users/password')
  passwordPage() {
    return { values: {} };
  }

  @Post('profile/password')
  @Authenticated()
  @FormView('users/password')
  async changePassword(
    @CurrentUser() user: User,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.auth.changePassword(user.id, body.currentPassword, body.newPassword);
    await regenerateSession(request);
    await this.auth.afterPasswordChange(user.id, request.sessionID);
    flash(request, 'success', 'auth.password.changed');
    response.redirect(303, '/profile');
  }
}
