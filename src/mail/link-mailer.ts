import { Logger } from '@nestjs/common';

/** What the email is about; each kind has its wording in src/i18n/locales/<lang>/mail.json. */
export type LinkMailKind = 'invitation' | 'newAccount' | 'passwordRequested' | 'passwordByAdmin' | 'registrationAttempt';

export interface LinkMessage {
  to: string;
  kind: LinkMailKind;
  link: string;
  /** When a one-time link stops working; absent for plain links (e.g. to the forgot-password page). */
  expiresAt?: Date;
  /** The recipient's preferred language when known; Spanish otherwise. */
  lang?: string;
  /** Words the text mentions: the person's name, the cohort and course of an invitation. */
  params?: { name?: string; cohort?: string; course?: string };
}

/** mailed: handed to the SMTP server; shown: no mail server configured, the page carries it (once); failed: mailing was tried and did not work. */
export type LinkDelivery = 'mailed' | 'shown' | 'failed';

export interface DeliverySummary {
  mailed: number;
  shown: number;
  failed: number;
}

export function summariseDeliveries(deliveries: LinkDelivery[]): DeliverySummary {
  const summary: DeliverySummary = { mailed: 0, shown: 0, failed: 0 };
  for (const delivery of deliveries) summary[delivery] += 1;
  return summary;
}

/**
 * How invitation and set-password links leave the platform. Whatever happens,
 * send() answers instead of throwing, so a link is never lost: the caller
 * shows it on the page, with a note when mailing failed.
 */
export abstract class LinkMailer {
  /** True when an SMTP server is configured, so pages can offer to mail links. */
  abstract readonly mailEnabled: boolean;
  abstract send(message: LinkMessage): Promise<LinkDelivery>;
}

/**
 * Without SMTP_URL: links are shown once, on the page, to the person who made them, to be passed on by hand.
 * Secrets never go to logs: the log records that a link was made, never the link.
 */
export class LogLinkMailer extends LinkMailer {
  readonly mailEnabled = false;
  private readonly logger = new Logger('Links');

  async send(message: LinkMessage): Promise<LinkDelivery> {
    this.logger.log(`${message.kind} link made; shown once on the page (no SMTP_URL), not logged`);
    return 'shown';
  }
}
