import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import { FormView } from '../common/error-pages';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { PrivacyNoticeDto } from './dto/privacy-notice.dto';
import { PrivacyNoticeService } from './privacy-notice.service';
import type { User } from './user.entity';

/** Admins write the privacy notice shown at registration, in Spanish and English. */
@Controller('admin/privacy')
@Roles('admin')
export class AdminPrivacyController {
  constructor(private readonly notices: PrivacyNoticeService) {}

  @Get()
  @Render('admin/privacy')
  async page() {
    return { values: await this.notices.texts() };
  }

  @Post()
  @FormView('admin/privacy')
  async save(
    @Body() body: PrivacyNoticeDto,
    @CurrentUser() actor: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.notices.save(actor.id, { es: body.es, en: body.en });
    flash(request, 'success', 'users.privacy.saved');
    response.redirect(303, '/admin/privacy');
  }
}
