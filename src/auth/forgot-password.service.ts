import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PasswordLinksService } from '../account/password-links.service';
import { FormError } from '../common/errors';
import { LinkMailer } from '../mail/link-mailer';
import { ThrottlingService } from '../throttling/throttling.service';
import { normalizeEmail } from '../users/users.service';

/**
 * "Forgot password" by email. Every request is counted atomically in buckets
 * of its own (per address typed and per client address; asking for links
 * neither uses up nor resets sign-in attempts), whether or not an account
 * exists, and the answer is always the same. The lookup and the mail happen
 * after the answer, so its timing does not tell whether the account exists.
 */
@Injectable()
export class ForgotPasswordService implements OnModuleDestroy {
  private readonly logger = new Logger('ForgotPassword');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly throttling: ThrottlingService,
    private readonly links: PasswordLinksService,
    private readonly mailer: LinkMailer,
  ) {}

  get available(): boolean {
    return this.mailer.mailEnabled;
  }

  async request(email: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([
      this.throttling.consume('forgotPasswordAccount', normalizeEmail(email)),
      this.throttling.consume('forgotPasswordAddress', address),
    ]);
    if (!byAccount.allowed || !byAddress.allowed) {
      throw FormError.throttled('auth.forgot.throttled', Math.max(byAccount.retryAfterSeconds, byAddress.retryAfterSeconds));
    }
    const work = this.links.mailRequestedLink(email).catch((error: unknown) => {
      this.logger.error(`Could not prepare a requested password link: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Links still being prepared are finished before the database closes. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
