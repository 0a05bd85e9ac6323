import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { FormError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { LinkMailer } from '../mail/link-mailer';
import { ThrottlingService } from '../throttling/throttling.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { PasswordHasher } from '../users/password-hasher';
import { RegisterDto } from './dto/register.dto';

/**
 * Self-registration, throttled per client address. With a mail server
 * (SMTP_URL) the answer never tells whether an email has an account: a new
 * email gets its account, an existing one gets nothing but a message to its
 * owner, and both visitors see the same redirect and page (the new person
 * then signs in). Without mail there is nobody to tell, so an existing email
 * is refused on the form, as before.
 */
@Injectable()
export class RegistrationService implements OnModuleDestroy {
  private readonly logger = new Logger('Registration');
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttling: ThrottlingService,
    private readonly mailer: LinkMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The new user to sign in at once, or null when the answer must stay neutral (mail configured). */
  async register(input: RegisterDto, address: string): Promise<User | null> {
    const attempt = await this.throttling.consume('registrationAddress', address);
    if (!attempt.allowed) throw FormError.throttled('auth.register.throttled', attempt.retryAfterSeconds);
    if (!this.mailer.mailEnabled) return this.users.create(input);
    const owner = await this.users.findByEmail(input.email);
    if (!owner) {
      await this.users.create(input).catch((error: unknown) => {
        // Registered a moment ago by a parallel request: the same neutral answer.
        if (!(error instanceof FormError)) throw error;
      });
      return null;
    }
    await this.hasher.hash(input.password); // the same work as creating an account, so timing tells nothing
    this.afterAnswer(
      this.mailer.send({
        to: owner.email,
        kind: 'registrationAttempt',
        link: `${this.config.publicUrl}/auth/forgot-password`,
        lang: owner.preferredLanguage,
        params: { name: owner.name },
      }),
    );
    return null;
  }

  /** Mails still leaving are finished before the app closes. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private afterAnswer(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) =>
      this.logger.error(`Could not mail a registration notice: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
