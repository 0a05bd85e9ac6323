import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';

export interface LinkMessage {
  to: string;
  subject: string;
  text: string;
  /** The link itself, logged on its own line so it can be copied from the log. */
  link: string;
}

/**
 * How invitation and set-password links leave the platform. The default
 * writes them to the log (the pages also show them for copying); a mail
 * transport (e.g. nodemailer with SMTP_URL) would be another implementation
 * of this one method.
 */
export abstract class LinkMailer {
  abstract send(message: LinkMessage): Promise<void>;
}

export class LogLinkMailer extends LinkMailer {
  private readonly logger = new Logger('Links');

  constructor(config: Pick<AppConfig, 'smtpUrl'>) {
    super();
    if (config.smtpUrl) {
      this.logger.warn('SMTP_URL is set, but no mail transport is installed: links are written to this log and shown on screen.');
    }
  }

  async send(message: LinkMessage): Promise<void> {
    this.logger.log(`${message.subject} -> ${message.to}: ${message.link}`);
  }
}
