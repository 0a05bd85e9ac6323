import { Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { Clock } from '../common/clock';
import { composeLinkMail } from './link-mail';
import { LinkDelivery, LinkMailer, LinkMessage } from './link-mailer';

/** After the server itself failed (down, refused, timed out, bad login), later messages fall back at once for this long instead of each waiting for a timeout. */
export const SERVER_FAILURE_PAUSE_MS = 60_000;

/**
 * Pure: did this error come from the server or the connection (so the next
 * message would fail too), rather than from this one message (a refused
 * recipient, a message too large)?
 */
export function isServerProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return !(code === 'EENVELOPE' || code === 'EMESSAGE');
}

function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part).join(': ') || String(error);
}

/** Sends links through the SMTP server of SMTP_URL (smtp:// with STARTTLS when offered, or smtps://). */
export class SmtpLinkMailer extends LinkMailer implements OnModuleDestroy {
  readonly mailEnabled = true;
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;
  private readonly from: string;
  private pausedUntil = 0;

  constructor(
    options: { url: string; from: string },
    private readonly clock: Clock,
  ) {
    super();
    this.transport = createTransport({
      ...parseConnectionUrl(options.url),
      // A pool reuses one connection for a list of invitations instead of one per message.
      pool: true,
      maxConnections: 2,
      // Short waits: a coordinator is looking at the page while links are sent.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.from = options.from;
  }

  async send(message: LinkMessage): Promise<LinkDelivery> {
    const now = this.clock.now().getTime();
    if (now < this.pausedUntil) return this.fallBack(message, 'the mail server failed moments ago; not retried yet');
    try {
      const mail = composeLinkMail(message);
      await this.transport.sendMail({ from: this.from, to: message.to, subject: mail.subject, text: mail.text, html: mail.html });
      this.logger.log(`Mailed ${message.kind} link to ${message.to}`);
      return 'mailed';
    } catch (error) {
      if (isServerProblem(error)) this.pausedUntil = now + SERVER_FAILURE_PAUSE_MS;
      return this.fallBack(message, describe(error));
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  /** The link is not lost: the caller shows it once on the page. It is never written to the log (secrets stay out of logs). */
  private fallBack(message: LinkMessage, reason: string): LinkDelivery {
    this.logger.warn(`Could not mail ${message.kind} link to ${message.to} (${reason}); it is shown on the page instead`);
    return 'failed';
  }
}
