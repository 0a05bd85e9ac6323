import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Param,
  PayloadTooLargeException,
  Post,
  Render,
  Res,
  UploadedFile,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { sendErrorPage } from '../../common/error-page';
import { FormView } from '../../common/error-pages';
import { Lang } from '../../common/lang.decorator';
import { MultipartUpload } from '../../common/multipart-csrf';
import { User } from '../../users/user.entity';
import { resultCsv, templateCsv, templateXlsx } from './bulk-files';
import { BulkImportService, UploadedSpreadsheet } from './bulk-import.service';
import { BulkPreviewPage, BulkUploadPage } from './bulk-pages';
import { MAX_UPLOAD_BYTES } from './spreadsheet';
import { ParseIdPipe } from '../../common/id.pipe';

/** A file over the limit gets a page that says what the limit is, not a generic error. */
@Catch(PayloadTooLargeException)
class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendErrorPage(http.getRequest<Request>(), http.getResponse<Response>(), 413, 'cohorts.bulk.tooLarge');
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(response: Response, fileName: string, type: string, body: Buffer): void {
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(body);
}

@Controller('cohorts/:id/bulk')
@Roles('coordinator')
export class BulkImportController {
  constructor(
    private readonly bulk: BulkImportService,
    private readonly uploadPage: BulkUploadPage,
  ) {}

  @Get()
  @Render('cohorts/bulk')
  page(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User) {
    return this.uploadPage.locals(user, id);
  }

  @Get('template.csv')
  async templateCsv(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.bulk.cohortFor(user, id);
    download(response, 'participantes.csv', 'text/csv; charset=utf-8', templateCsv(lang));
  }

  @Get('template.xlsx')
  async templateXlsx(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.bulk.cohortFor(user, id);
    download(response, 'participantes.xlsx', XLSX_TYPE, await templateXlsx(lang));
  }

  /** Multipart: the CSRF token is the body's first field, checked before the file is read into memory. */
  @Post()
  @FormView('cohorts/bulk', BulkUploadPage)
  @UseFilters(UploadTooLargeFilter)
  @MultipartUpload('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } })
  async upload(
    @Param('id', ParseIdPipe) id: number,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @CurrentUser() user: User,
    @Res() response: Response,
  ): Promise<void> {
    const bulk = await this.bulk.upload(user, id, file);
    response.redirect(303, `/cohorts/${id}/bulk/${bulk.id}`);
  }

  @Get(':importId')
  async preview(
    @Param('id', ParseIdPipe) id: number,
    @Param('importId', ParseIdPipe) importId: number,
    @CurrentUser() user: User,
    @Res() response: Response,
  ): Promise<void> {
    const preview = await this.bulk.preview(user, id, importId);
    if (preview.bulk.status === 'applied') return response.redirect(303, `/cohorts/${id}/bulk/${importId}/result`);
    response.render('cohorts/bulk-preview', { pageTitle: preview.cohort.name, ...preview, canManage: true });
  }

  /** Answers with the result page itself (not a redirect): the set-password links exist only in this response and the log. */
  @Post(':importId/confirm')
  @FormView('cohorts/bulk-preview', BulkPreviewPage)
  async confirm(
    @Param('id', ParseIdPipe) id: number,
    @Param('importId', ParseIdPipe) importId: number,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.bulk.confirm(user, id, importId, lang);
    const cohort = await this.bulk.cohortFor(user, id);
    response.status(200).render('cohorts/bulk-result', { pageTitle: cohort.name, cohort, ...result, justApplied: true, canManage: true });
  }

  @Post(':importId/discard')
  async discard(
    @Param('id', ParseIdPipe) id: number,
    @Param('importId', ParseIdPipe) importId: number,
    @CurrentUser() user: User,
    @Res() response: Response,
  ): Promise<void> {
    await this.bulk.discard(user, id, importId);
    response.redirect(303, `/cohorts/${id}/bulk`);
  }

  @Get(':importId/result')
  @Render('cohorts/bulk-result')
  async result(@Param('id', ParseIdPipe) id: number, @Param('importId', ParseIdPipe) importId: number, @CurrentUser() user: User) {
    const result = await this.bulk.applied(user, id, importId);
    return { pageTitle: result.cohort.name, ...result, links: [], canManage: true };
  }

  @Get(':importId/result.csv')
  async resultFile(
    @Param('id', ParseIdPipe) id: number,
    @Param('importId', ParseIdPipe) importId: number,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.bulk.applied(user, id, importId);
    download(response, `resultado-${importId}.csv`, 'text/csv; charset=utf-8', resultCsv(result.planned, lang));
  }
}
