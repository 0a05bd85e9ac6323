import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PrivacyNoticeService } from './privacy-notice.service';
import { requestLanguage } from '../common/lang.decorator';

/** Puts the privacy notice in the registration page's model, also when the form comes back with errors. */
@Injectable()
export class PrivacyNoticeMiddleware implements NestMiddleware {
  constructor(private readonly notices: PrivacyNoticeService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    this.notices.forLanguage(requestLanguage(request)).then((notice) => {
      response.locals.privacyNotice = notice;
      next();
    }, next);
  }
}
