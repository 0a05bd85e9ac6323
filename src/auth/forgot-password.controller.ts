import { Body, Controller, Get, NotFoundException, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { echoValues, validateForm } from '../common/form-validation';
import { Public } from '../common/access.decorators';
import { FormError } from '../common/errors';
import { flash } from '../common/flash';
import { translator } from '../i18n/i18n';
import { ForgotPasswordDto } from './dto/forgot-password.dto';
import { ForgotPasswordService } from './forgot-password.service';

/**
 * Whom to ask for a new set-password link and, when mail is set up, a form
 * that mails one. The page's form depends on the configuration, so the POST
 * validates and re-renders itself instead of using @FormView.
 */
@Controller('auth/forgot-password')
export class ForgotPasswordController {
  constructor(private readonly forgot: ForgotPasswordService) {}

  @Get()
  @Public()
  @Render('auth/forgot-password')
  page(@Req() request: Request) {
    return this.model(request, {});
  }

  @Post()
  @Public()
  async requestLink(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.forgot.available) throw new NotFoundException();
    try {
      const dto = await validateForm(ForgotPasswordDto, body);
      await this.forgot.request(dto.email, request.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      response.status(error.status).render('auth/forgot-password', this.model(request, { values: echoValues(body), errors: error.errors }));
      return;
    }
    flash(request, 'info', 'auth.forgot.sent');
    response.redirect(303, '/auth/login');
  }

  private model(request: Request, form: { values?: Record<string, unknown>; errors?: FormError['errors'] }) {
    return { pageTitle: translator(request.lang ?? 'es')('auth.forgot.title'), mailEnabled: this.forgot.available, values: {}, ...form };
  }
}
