import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { LinkMailer, LogLinkMailer } from './link-mailer';
import { SmtpLinkMailer } from './smtp-link-mailer';

export function createLinkMailer(config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom'>, clock: Clock): LinkMailer {
  return config.smtpUrl ? new SmtpLinkMailer({ url: config.smtpUrl, from: config.smtpFrom }, clock) : new LogLinkMailer();
}

/**
 * How links leave the platform, for every feature that issues them
 * (invitations, bulk enrolment, password links): by SMTP when SMTP_URL is
 * set, otherwise only on the page and in the log. Global, like the config and
 * the clock it depends on, so features do not import each other to share it.
 */
@Global()
@Module({
  providers: [{ provide: LinkMailer, useFactory: createLinkMailer, inject: [APP_CONFIG, Clock] }],
  exports: [LinkMailer],
})
export class MailModule {}
