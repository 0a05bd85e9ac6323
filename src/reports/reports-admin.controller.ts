import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ParseIdPipe } from '../common/id.pipe';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { pageLinks } from '../common/pagination';
import { translator } from '../i18n/i18n';
import { COUNTRIES } from '../users/profile-options';
import type { User } from '../users/user.entity';
import { DownloadAuditService } from './audit/download-audit.service';
import { CoordinatorCountriesDto } from './dto/coordinator-countries.dto';
import { DownloadsQuery } from './dto/report-filter.query';
import { ReportScopeService } from './scope/report-scope.service';
import { Lang } from '../common/lang.decorator';

/** Admins: the log of personal-data downloads, and which countries each coordinator reports on. */
@Controller('reports')
@Roles('admin')
export class ReportsAdminController {
  constructor(
    private readonly audit: DownloadAuditService,
    private readonly scopes: ReportScopeService,
  ) {}

  @Get('downloads')
  @Render('reports/downloads')
  async downloads(@Query() query: DownloadsQuery, @Lang() lang: string) {
    const result = await this.audit.page(query.page ?? 1);
    return {
      pageTitle: translator(lang)('reports.downloads.title'),
      ...result,
      ...pageLinks('/reports/downloads', {}, result.page, result.pageCount),
    };
  }

  @Get('coordinators')
  @Render('reports/coordinators')
  async coordinators(@Lang() lang: string) {
    const countries = COUNTRIES.filter((code) => code !== 'other');
    const rows = await this.scopes.coordinators();
    return {
      pageTitle: translator(lang)('reports.coordinators.title'),
      coordinators: rows.map((row) => ({
        user: row.user,
        countries: countries.map((code) => ({ code, checked: row.countries.includes(code) })),
      })),
    };
  }

  @Post('coordinators/:id')
  async setCountries(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CoordinatorCountriesDto,
    @CurrentUser() actor: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.scopes.setCountries(actor, id, body.countries ?? []);
    flash(request, 'success', 'reports.coordinators.saved');
    response.redirect(303, '/reports/coordinators');
  }
}
