import { Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ParseIdPipe } from '../../common/id.pipe';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { flash } from '../../common/flash';
import { contentDisposition } from '../../content/media/media-types';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { certificateCard } from '../certificate-view';
import { CohortCertificatesService } from './cohort-certificates.service';
import { Lang } from '../../common/lang.decorator';

/** A cohort's certificates for its facilitators (and coordinators/admins): list, bulk participation, zip. */
@Controller('cohorts/:id/certificates')
@Roles('facilitator', 'coordinator')
export class CohortCertificatesController {
  constructor(private readonly cohortCertificates: CohortCertificatesService) {}

  @Get()
  @Render('certificates/cohort')
  async page(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Lang() lang: string) {
    const { cohort, rule, certificates } = await this.cohortCertificates.overview(user, id);
    return {
      pageTitle: translator(lang)('certificates.cohort.title', { name: cohort.name }),
      cohort: { id: cohort.id, name: cohort.name },
      rule,
      certificates: certificates.map((certificate) => certificateCard(certificate)),
    };
  }

  @Post('participation')
  async participation(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const outcome = await this.cohortCertificates.issueParticipation(user, id);
    flash(request, 'success', 'certificates.cohort.bulkDone', { ...outcome });
    response.redirect(303, `/cohorts/${id}/certificates`);
  }

  @Get('zip')
  async zip(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Res() response: Response): Promise<void> {
    // The access check (a 404 for another facilitator's cohort) runs before any header is sent.
    await this.cohortCertificates.overview(user, id);
    response.set({
      'Content-Type': 'application/zip',
      'Content-Disposition': contentDisposition('attachment', `certificados-cohorte-${id}.zip`),
      'Cache-Control': 'no-store',
    });
    try {
      await this.cohortCertificates.streamZip(user, id, response);
    } catch (error) {
      // Headers are gone: cut the download short so the browser reports it as failed, never as a whole zip.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
