import { MultipartUpload } from '../../common/multipart-csrf';
import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
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
import { flash } from '../../common/flash';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { CertificateSettingsService, logoTypeOf, MAX_LOGO_BYTES } from '../certificate-settings.service';
import { IssuerSettingsDto } from '../dto/certificate-forms.dto';
import type { Signatory } from '../entities/certificate.entity';
import { Lang } from '../../common/lang.decorator';

const BACK = '/admin/certificates';

@Catch(PayloadTooLargeException)
class LogoTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    flash(request, 'error', 'certificates.settings.logoTooLarge', { maxKb: MAX_LOGO_BYTES / 1024 });
    host.switchToHttp().getResponse<Response>().redirect(303, BACK);
  }
}

/** Admins set, in the browser, what every certificate prints: issuer name, up to two signatories, a logo. */
@Controller('admin/certificates')
@Roles('admin')
export class CertificateSettingsController {
  constructor(private readonly settings: CertificateSettingsService) {}

  @Get()
  @Render('certificates/settings')
  async page(@Lang() lang: string) {
    const current = await this.settings.current();
    const signatory = (index: number) => current.signatories[index] ?? { name: '', title: { es: '', en: '' } };
    return {
      pageTitle: translator(lang)('certificates.settings.title'),
      values: {
        issuerNameEs: current.issuerName.es ?? '',
        issuerNameEn: current.issuerName.en ?? '',
        signatory1Name: signatory(0).name,
        signatory1TitleEs: signatory(0).title.es ?? '',
        signatory1TitleEn: signatory(0).title.en ?? '',
        signatory2Name: signatory(1).name,
        signatory2TitleEs: signatory(1).title.es ?? '',
        signatory2TitleEn: signatory(1).title.en ?? '',
      },
      hasLogo: current.hasLogo,
      maxKb: MAX_LOGO_BYTES / 1024,
    };
  }

  @Post()
  async save(
    @Body() body: IssuerSettingsDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const clean = (value?: string) => value?.trim() ?? '';
    const issuerName = { es: clean(body.issuerNameEs), en: clean(body.issuerNameEn) || clean(body.issuerNameEs) };
    if (!issuerName.es) {
      flash(request, 'error', 'certificates.settings.issuerRequired');
      response.redirect(303, BACK);
      return;
    }
    const signatories: Signatory[] = [
      {
        name: clean(body.signatory1Name),
        title: { es: clean(body.signatory1TitleEs), en: clean(body.signatory1TitleEn) || clean(body.signatory1TitleEs) },
      },
      {
        name: clean(body.signatory2Name),
        title: { es: clean(body.signatory2TitleEs), en: clean(body.signatory2TitleEn) || clean(body.signatory2TitleEs) },
      },
    ].filter((signatory) => signatory.name);
    await this.settings.save({ issuerName, signatories }, user.id);
    flash(request, 'success', 'certificates.settings.saved');
    response.redirect(303, BACK);
  }

  /** Multipart: the CSRF token is the body's first field (checked before the file is read), then the file. */
  @Post('logo')
  @UseFilters(LogoTooLargeFilter)
  @MultipartUpload('logo', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 2, parts: 3 } })
  async uploadLogo(
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!file?.buffer?.length || !logoTypeOf(file.buffer)) {
      flash(request, 'error', 'certificates.settings.logoType');
    } else {
      await this.settings.setLogo(file.buffer, user.id);
      flash(request, 'success', 'certificates.settings.logoSaved');
    }
    response.redirect(303, BACK);
  }

  @Post('logo/remove')
  async removeLogo(@CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.settings.setLogo(null, user.id);
    flash(request, 'success', 'certificates.settings.logoRemoved');
    response.redirect(303, BACK);
  }

  @Get('logo')
  async logo(@Res() response: Response): Promise<void> {
    const logo = await this.settings.logo();
    if (!logo) {
      response.status(404).end();
      return;
    }
    response.set({ 'Content-Type': logo.type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).send(logo.data);
  }
}
