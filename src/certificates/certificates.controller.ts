import { Controller, Get, Param, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ParseIdPipe } from '../common/id.pipe';
import { Authenticated } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { contentDisposition } from '../content/media/media-types';
import { translator } from '../i18n/i18n';
import type { User } from '../users/user.entity';
import { CertificatesService } from './certificates.service';
import { certificateCard } from './certificate-view';
import { formatPublicCode } from './public-code';
import { Lang } from '../common/lang.decorator';

/** The learner's certificates: list, PDF and signed credential downloads. Someone else's id is a 404. */
@Controller()
@Authenticated()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('my/certificates')
  @Render('certificates/mine')
  async mine(@CurrentUser() user: User, @Lang() lang: string) {
    const certificates = await this.certificates.ofLearner(user.id);
    return {
      pageTitle: translator(lang)('certificates.mine.title'),
      certificates: certificates.map((certificate) => certificateCard(certificate)),
    };
  }

  /** The link on My courses and the course page: the learner's certificate for that course. */
  @Get('courses/:slug/certificate')
  async forCourse(@Param('slug') slug: string, @CurrentUser() user: User, @Res() response: Response): Promise<void> {
    const certificate = await this.certificates.learnerCertificateForCourse(user.id, slug);
    response.redirect(303, `/certificates/${certificate.id}/pdf`);
  }

  @Get('certificates/:id/pdf')
  async pdf(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Res() response: Response): Promise<void> {
    const certificate = await this.certificates.visibleTo(user, id);
    const { pdf } = await this.certificates.files(certificate);
    response.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition('attachment', `certificado-${formatPublicCode(certificate.code)}.pdf`),
      'Cache-Control': 'private, no-cache',
    });
    response.send(pdf);
  }

  /** The Open Badges 3.0 credential as a VC-JWT (a compact JWS), for offline verification. */
  @Get('certificates/:id/credential')
  async credential(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Res() response: Response): Promise<void> {
    const certificate = await this.certificates.visibleTo(user, id);
    const { credential } = await this.certificates.files(certificate);
    response.set({
      'Content-Type': 'application/jwt; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', `credencial-${formatPublicCode(certificate.code)}.jwt`),
      'Cache-Control': 'private, no-cache',
    });
    response.send(credential);
  }
}
