import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ParseIdPipe } from '../../common/id.pipe';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { flash } from '../../common/flash';
import { pageLinks } from '../../common/pagination';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { CertificateIssuerService } from '../certificate-issuer.service';
import { CertificateNotFoundError } from '../certificate.errors';
import { CertificatesService } from '../certificates.service';
import { certificateCard } from '../certificate-view';
import { ReissueCertificateDto, RevokeCertificateDto, StaffSearchQuery } from '../dto/certificate-forms.dto';
import { REVOKE_REASONS } from '../entities/certificate.entity';
import { Lang } from '../../common/lang.decorator';

/** Staff: find certificates (facilitators within their cohorts), see their audit, revoke and reissue. */
@Controller('staff/certificates')
@Roles('facilitator', 'coordinator')
export class StaffCertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly issuer: CertificateIssuerService,
  ) {}

  @Get()
  @Render('certificates/staff-list')
  async list(@Query() query: StaffSearchQuery, @CurrentUser() user: User, @Lang() lang: string) {
    const result = await this.certificates.search(user, {
      learner: query.learner,
      course: query.course,
      cohortId: query.cohort,
      page: query.page,
    });
    return {
      pageTitle: translator(lang)('certificates.staff.title'),
      ...result,
      query,
      ...pageLinks('/staff/certificates', { ...query }, result.page, result.pageCount),
    };
  }

  @Get(':id')
  @Render('certificates/staff-show')
  async show(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Lang() lang: string) {
    const certificate = await this.manageable(user, id);
    const replacement = certificate.replacedById ? await this.certificates.findById(certificate.replacedById) : null;
    return {
      pageTitle: translator(lang)('certificates.staff.detailTitle'),
      certificate: certificateCard(certificate),
      replacement: replacement ? certificateCard(replacement) : null,
      history: await this.certificates.history(certificate),
      reasons: REVOKE_REASONS,
      canAct: certificate.status === 'valid',
    };
  }

  @Post(':id/revoke')
  async revoke(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: RevokeCertificateDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.manageable(user, id);
    await this.issuer.revoke(id, user.id, body.reason, body.note?.trim() ?? '');
    flash(request, 'success', 'certificates.staff.revoked');
    response.redirect(303, `/staff/certificates/${id}`);
  }

  @Post(':id/reissue')
  async reissue(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ReissueCertificateDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.manageable(user, id);
    if (!body.reason?.trim()) {
      flash(request, 'error', 'certificates.staff.reasonRequired');
      response.redirect(303, `/staff/certificates/${id}`);
      return;
    }
    const fresh = await this.issuer.reissue(id, user.id, body.holderName ?? null, body.reason.trim());
    flash(request, 'success', 'certificates.staff.reissued');
    response.redirect(303, `/staff/certificates/${fresh.id}`);
  }

  /** The certificate when it is in the actor's reach; a 404 otherwise (also for a facilitator's own certificate). */
  private async manageable(user: User, id: number) {
    const certificate = await this.certificates.findById(id);
    if (!certificate || !(await this.certificates.mayManage(user, certificate))) throw new CertificateNotFoundError();
    return certificate;
  }
}
