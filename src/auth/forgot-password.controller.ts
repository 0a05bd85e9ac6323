import { Body, Controller, Get, NotFoundException, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../common/access.decorators';
import { FormView } from '../common/error-pages';
import { flash } from '../common/flash';
import { ForgotPasswordDto } from './dto/forgot-password.dto';
import { ForgotPasswordPage } from './forgot-password.page';
import { ForgotPasswordService } from './forgot-password.service';

/** Whom to ask for a new set-password link and, when mail is set up, a form that mails one. */
@Controller('auth/forgot-password')
export class ForgotPasswordController {
  constructor(
    private readonly forgot: ForgotPasswordService,
    private readonly form: ForgotPasswordPage,
  ) {}

  @Get()
  @Public()
  @Render('auth/forgot-password')
  page(@Req() request: Request) {
    return { ...this.form.locals(request), values: {} };
  }

  @Post()
  @Public()
  @FormView('auth/forgot-password', ForgotPasswordPage)
  async requestLink(@Body() body: ForgotPasswordDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.forgot.available) throw new NotFoundException();
    await this.forgot.request(body.email, request.ip ?? 'unknown');
    flash(request, 'info', 'auth.forgot.sent');
    response.redirect(303, '/auth/login');
  }
}
