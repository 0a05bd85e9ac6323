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
  Req,
  Res,
  UploadedFile,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { sendErrorPage } from '../../common/error-page';
import { FormError } from '../../common/errors';
import { MultipartUpload } from '../../common/multipart-csrf';
import { User } from '../../users/user.entity';
import { resultCsv, templateCsv, templateXlsx } from './bulk-files';
import { BulkImportService, UploadedSpreadsheet } from './bulk-import.service';
import { MAX_DATA_ROWS, MAX_UPLOAD_BYTES } from './spreadsheet';
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
  constructor(private readonly bulk: BulkImportService) {}

  @Get()
  async page(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Res() response: Response): Promise<void> {
    await this.renderUpload(response, user, id);
  }

  @Get('template.csv')
  async templateCsv(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.bulk.cohortFor(user, id);
    download(response, 'participantes.csv', 'text/csv; charset=utf-8', templateCsv(request.lang ?? 'es'));
  }

  @Get('template.xlsx')
  async templateXlsx(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.bulk.cohortFor(user, id);
    download(response, 'participantes.xlsx', XLSX_TYPE, await templateXlsx(request.lang ?? 'es'));
  }

  /** Multipart: the CSRF token is the body's first field, checked before the file is read into memory. */
  @Post()
  @UseFilters(UploadTooLargeFilter)
  @MultipartUpload('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } })
  async upload(
    @Param('id', ParseIdPipe) id: number,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @CurrentUser() user: User,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const bulk = await this.bulk.upload(user, id, file);
      response.redirect(303, `/cohorts/${id}/bulk/${bulk.id}`);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      await this.renderUpload(response, user, id, error);
    }
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
  async confirm(
    @Param('id', ParseIdPipe) id: number,
    @Param('importId', ParseIdPipe) importId: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const result = await this.bulk.confirm(user, id, importId, request.lang ?? 'es');
      const cohort = await this.bulk.cohortFor(user, id);
      response.status(200).render('cohorts/bulk-result', { pageTitle: cohort.name, cohort, ...result, justApplied: true, canManage: true });
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const preview = await this.bulk.preview(user, id, importId);
      response
        .status(error.status)
        .render('cohorts/bulk-preview', { pageTitle: preview.cohort.name, ...preview, errors: error.errors, canManage: true });
    }
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
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.bulk.applied(user, id, importId);
    download(response, `resultado-${importId}.csv`, 'text/csv; charset=utf-8', resultCsv(result.planned, request.lang ?? 'es'));
  }

  private async renderUpload(response: Response, user: User, cohortId: number, error?: FormError): Promise<void> {
    const { cohort, imports } = await this.bulk.recent(user, cohortId);
    response.status(error?.status ?? 200).render('cohorts/bulk', {
      pageTitle: cohort.name,
      cohort,
      imports,
      errors: error?.errors,
      canManage: true,
      maxRows: MAX_DATA_ROWS,
      maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024),
    });
  }
}
