import {
  applyDecorators,
  ArgumentsHost, Body, Catch, Controller, ExceptionFilter, Get, Param, PayloadTooLargeException, Post, Req, Res, UploadedFile, UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormView, RedirectOnError } from '../../common/error-pages';
import { flash } from '../../common/flash';
import { MultipartUpload } from '../../common/multipart-csrf';
import type { User } from '../../users/user.entity';
import { contentDisposition } from '../media/media-types';
import { uploadBackTo, UploadResultPage } from './authoring.pages';
import { CourseTransferService, MAX_UPLOAD_BYTES, type UploadedFile as Upload, type UploadOutcome } from './course-transfer.service';
import { UploadCourseDto } from './dto/upload-course.dto';

/** Multer stops reading at the limit; the author goes back to the page with a message that gives the limit. */
@Catch(PayloadTooLargeException)
class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    flash(request, 'error', 'content.upload.errors.tooLarge', { maxMb: MAX_UPLOAD_BYTES / (1024 * 1024) });
    host.switchToHttp().getResponse<Response>().redirect(303, uploadBackTo(request));
  }
}

/** A refused file (wrong kind, unsafe zip...) is a message back on the page; a course with problems gets the list of them. */
const UploadErrors = () => applyDecorators(RedirectOnError(uploadBackTo), FormView('authoring/upload-result', UploadResultPage));

const uploadOptions = { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 }, defParamCharset: 'utf8' };

/** Courses in and out as files: upload a Markdown or media file or a whole course zip; download the course as a zip. */
@Controller('authoring')
@Roles('facilitator')
export class CourseTransferController {
  constructor(private readonly transfer: CourseTransferService) {}

  /** A zip of a course folder from the start page: a new course (admins) or one the uploader may edit. Multipart: the CSRF token is the body's first field. */
  @Post('upload')
  @UploadErrors()
  @UseFilters(UploadTooLargeFilter)
  @MultipartUpload('file', uploadOptions)
  async uploadCourse(@Body() body: UploadCourseDto, @UploadedFile() file: Upload | undefined, @CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.handle(request, response, () => this.transfer.upload(user, null, file, body.slug?.trim()));
  }

  /** One file or the whole folder of an existing course. Multipart: the CSRF token is the body's first field. */
  @Post('courses/:slug/upload')
  @UploadErrors()
  @UseFilters(UploadTooLargeFilter)
  @MultipartUpload('file', uploadOptions)
  async uploadToCourse(@Param('slug') slug: string, @Body() _body: UploadCourseDto, @UploadedFile() file: Upload | undefined, @CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.handle(request, response, () => this.transfer.upload(user, slug, file));
  }

  @Get('courses/:slug/download')
  async download(@Param('slug') slug: string, @CurrentUser() user: User, @Res() response: Response): Promise<void> {
    const { fileName, data } = await this.transfer.download(user, slug);
    response.set({ 'Content-Type': 'application/zip', 'Content-Disposition': contentDisposition('attachment', fileName), 'Cache-Control': 'no-store' });
    response.send(data);
  }

  private async handle(request: Request, response: Response, upload: () => Promise<UploadOutcome>): Promise<void> {
    const outcome = await upload();
    if (outcome.status === 'unchanged') flash(request, 'info', 'content.upload.unchanged');
    else flash(request, 'success', outcome.status === 'created' ? 'content.upload.created' : 'content.upload.updated', { count: outcome.changeCount });
    response.redirect(303, `/authoring/courses/${encodeURIComponent(outcome.slug)}`);
  }
}
