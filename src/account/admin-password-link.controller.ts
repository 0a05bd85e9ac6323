import { Controller, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { translator } from '../i18n/i18n';
import { User } from '../users/user.entity';
import { PasswordLinksService } from './password-links.service';
import { ParseIdPipe } from '../common/id.pipe';
import { Lang } from '../common/lang.decorator';

/**
 * The "set-password link" button of the admin users page (/admin/users). It
 * lives here, beside the links it issues, because UsersModule cannot import
 * AccountModule (which builds on UsersModule).
 */
@Controller('admin/users')
@Roles('admin')
export class AdminPasswordLinkController {
  constructor(private readonly links: PasswordLinksService) {}

  /** Answers with the link page itself, not a redirect: the raw link exists only in this response (and the person's mailbox). */
  @Post(':id/password-link')
  async issue(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() actor: User,
    @Lang() lang: string,
    @Res() response: Response,
  ): Promise<void> {
    const issued = await this.links.issueByAdmin(actor, id);
    response.setHeader('Cache-Control', 'no-store');
    response.status(200).render('admin/password-link', { pageTitle: translator(lang)('account.adminLink.title'), ...issued });
  }
}
