import { Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import type { FormPage, FormPageModel } from '../common/error-pages';
import { requestLanguage } from '../common/lang.decorator';
import { translator } from '../i18n/i18n';
import { ForgotPasswordService } from './forgot-password.service';

/** The forgot-password page's data: its form exists only when mail is set up. */
@Injectable()
export class ForgotPasswordPage implements FormPage {
  constructor(private readonly forgot: ForgotPasswordService) {}

  model(request: Request): FormPageModel {
    if (!this.forgot.available) throw new NotFoundException();
    return { locals: this.locals(request) };
  }

  locals(request: Request) {
    return { pageTitle: translator(requestLanguage(request))('auth.forgot.title'), mailEnabled: this.forgot.available };
  }
}
