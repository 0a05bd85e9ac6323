import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../common/access.decorators';
import { Lang } from '../../common/lang.decorator';
import { translator } from '../../i18n/i18n';
import { ThrottlingService } from '../../throttling/throttling.service';
import { CertificatesService } from '../certificates.service';
import { VerifyQuery } from '../dto/certificate-forms.dto';
import { formatPublicCode, normalisePublicCode } from '../public-code';
import { verificationView } from './verification-view';

/**
 * The public verification page, for anyone holding the paper: /verify/<code> (the QR
 * code's target) and a form where the code is typed. No script needed, es/en, throttled per address.
 */
@Controller('verify')
@Public()
export class VerificationController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly throttling: ThrottlingService,
  ) {}

  @Get()
  form(@Query() query: VerifyQuery, @Lang() lang: string, @Res() response: Response): void {
    if (query.code !== undefined) {
      const code = normalisePublicCode(query.code);
      // A typed code goes to its own address (the same page the QR code opens); nonsense is "not found" there too.
      response.redirect(303, `/verify/${encodeURIComponent(code ? formatPublicCode(code) : query.code.trim().slice(0, 60) || '-')}`);
      return;
    }
    response.set('Cache-Control', 'no-store');
    response.render('certificates/verify-form', { pageTitle: translator(lang)('certificates.verify.title') });
  }

  @Get(':code')
  async show(@Param('code') code: string, @Lang() lang: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const t = translator(lang);
    response.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
    const lookup = await this.throttling.consume('certificateVerificationAddress', request.ip ?? '');
    if (!lookup.allowed) {
      response.setHeader('Retry-After', String(lookup.retryAfterSeconds));
      response.status(429).render('certificates/verify-form', { pageTitle: t('certificates.verify.title'), throttled: true });
      return;
    }
    const found = await this.certificates.verify(code);
    if (!found) {
      response
        .status(404)
        .render('certificates/verify-form', { pageTitle: t('certificates.verify.title'), notFound: true, typed: code.slice(0, 60) });
      return;
    }
    response.render('certificates/verify', {
      pageTitle: t('certificates.verify.title'),
      ...verificationView(found.certificate, found.replacement, lang),
    });
  }
}
