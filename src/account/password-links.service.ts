import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { LinkDelivery, LinkMailer } from '../mail/link-mailer';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ADMIN_LINK_MS, AccountTokensService, REQUESTED_LINK_MS } from './account-tokens.service';

export interface IssuedPasswordLink {
  target: User;
  link: string;
  expiresAt: Date;
  delivery: LinkDelivery;
}

/**
 * Set-password links for people who already have an account and cannot sign
 * in: made by an admin (shown once, mailed when SMTP is set) or asked for by
 * email. Neither is ever written to the log: the admin's page shows it, and a
 * link asked for anonymously must reach only the mailbox.
 */
@Injectable()
export class PasswordLinksService {
  constructor(
    private readonly tokens: AccountTokensService,
    private readonly users: UsersService,
    private readonly mailer: LinkMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Admins only, for someone else (their own password has its page); 404 for an unknown account. */
  async issueByAdmin(actor: Pick<User, 'id' | 'role'>, targetId: number): Promise<IssuedPasswordLink> {
    if (actor.role !== 'admin') throw new ForbiddenException();
    if (actor.id === targetId) throw new ForbiddenException('account.adminLink.self');
    const target = await this.users.findById(targetId);
    if (!target) throw new NotFoundException();
    const { token, expiresAt } = await this.tokens.issueFor(target.id, 'set-password', ADMIN_LINK_MS);
    const link = this.linkFor(token);
    const delivery: LinkDelivery = this.mailer.mailEnabled
      ? await this.mailer.send({
          to: target.email,
          kind: 'passwordByAdmin',
          link,
          expiresAt,
          lang: target.preferredLanguage,
          params: { name: target.name },
        })
      : 'shown';
    return { target, link, expiresAt, delivery };
  }

  /** "Forgot password" by email: nothing happens for an unknown address, and the caller cannot tell. */
  async mailRequestedLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || !this.mailer.mailEnabled) return;
    const { token, expiresAt } = await this.tokens.issueFor(user.id, 'set-password', REQUESTED_LINK_MS);
    await this.mailer.send({
      to: user.email,
      kind: 'passwordRequested',
      link: this.linkFor(token),
      expiresAt,
      lang: user.preferredLanguage,
      params: { name: user.name },
    });
  }

  private linkFor(token: string): string {
    return `${this.config.publicUrl}/account/set-password/${token}`;
  }
}
