import { formatDate, isLanguage, translator } from '../i18n/i18n';
import type { LinkMessage } from './link-mailer';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Pure: the subject, plain text and a simple HTML version of a link email, in
 * the recipient's language (Spanish when unknown). The HTML is the same text,
 * escaped, with the link made clickable.
 */
export function composeLinkMail(message: Pick<LinkMessage, 'kind' | 'link' | 'expiresAt' | 'lang' | 'params'>): ComposedMail {
  const lang = isLanguage(message.lang) ? message.lang : 'es';
  const t = translator(lang);
  const params = { ...message.params, date: message.expiresAt ? formatDate(message.expiresAt, lang, true) : '' };
  const greeting = params.name ? t('mail.greetingNamed', params) : t('mail.greeting');
  const intro = t(`mail.${message.kind}.intro`, params);
  const action = t(`mail.${message.kind}.action`, params);
  const validity = message.expiresAt ? t('mail.validUntil', params) : '';
  const ignore = t('mail.ignore');
  const signature = t('mail.signature');
  const link = escapeHtml(message.link);
  return {
    // A title with a line break must not become a second header line.
    subject: t(`mail.${message.kind}.subject`, params).replace(/[\r\n]+/g, ' '),
    text: `${[greeting, intro, `${action}\n${message.link}`, validity, ignore, `-- \n${signature}`].filter(Boolean).join('\n\n')}\n`,
    html: [
      `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5;max-width:36em">`,
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(action)}<br><a href="${link}">${link}</a></p>`,
      validity ? `<p>${escapeHtml(validity)}</p>` : '',
      `<p style="color:#555">${escapeHtml(ignore)}<br>${escapeHtml(signature)}</p>`,
      '</body></html>',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
