import { Controller, Get, Param, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Authenticated } from '../common/access.decorators';
import { FormView } from '../common/error-pages';
import { Clock } from '../common/clock';
import { CurrentUser } from '../common/current-user.decorator';
import { translator } from '../i18n/i18n';
import type { User } from '../users/user.entity';
import { ReportFilterQuery } from './dto/report-filter.query';
import { ReportsPageService } from './reports-page.service';
import { PreparedDownload, RosterService } from './roster/roster.service';
import { SummaryService } from './summary/summary.service';
import { streamDownload } from './export/stream-download';
import { FormatPipe } from './export/format.pipe';
import type { SheetFormat } from './roster/roster.service';
import { Lang } from '../common/lang.decorator';

/**
 * /reports: filters, the donor summary with its charts, and the roster and
 * summary downloads. Any signed-in person may ask; the scope check in each
 * service answers 404 to learners and to cohorts outside the person's scope.
 */
@Controller('reports')
@Authenticated()
export class ReportsController {
  constructor(
    private readonly page: ReportsPageService,
    private readonly rosters: RosterService,
    private readonly summaries: SummaryService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Render('reports/index')
  @FormView('reports/index')
  async index(@Query() query: ReportFilterQuery, @CurrentUser() user: User, @Lang() lang: string) {
    return { pageTitle: translator(lang)('reports.title'), ...(await this.page.model(user, query, lang)) };
  }

  @Get('roster.:format')
  async roster(
    @Param('format', FormatPipe) format: SheetFormat,
    @Query() query: ReportFilterQuery,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.rosters.download(user, query, format, lang, this.clock.now()));
  }

  @Get('summary.:format')
  async summary(
    @Param('format', FormatPipe) format: SheetFormat,
    @Query() query: ReportFilterQuery,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.summaries.download(user, query, format, lang, this.clock.now()));
  }

  private send(response: Response, file: PreparedDownload): Promise<void> {
    return streamDownload(response, file);
  }
}
