import { translator } from './i18n';

/** Text kept in several languages, e.g. a course title: { es: '...', en: '...' }. */
export type LocalizedText = Record<string, string>;

/**
 * The one way to pick a text in the reader's language: `lang`, else `fallback` (the course's
 * first language, Spanish for certificates...), else whichever language the text has.
 */
export function localized(text: LocalizedText | null | undefined, lang: string, fallback?: string): string {
  if (!text) return '';
  return text[lang] ?? (fallback === undefined ? undefined : text[fallback]) ?? Object.values(text)[0] ?? '';
}

/** A message reference as features and validation produce them ({key, params}; common/errors.ts MessageRef). */
export interface TranslatableMessage {
  key: string;
  params?: Record<string, unknown>;
}

/** The one message translator (the views' `tm` helper, spreadsheets, flashes): field names in params are translated too. */
export function translateMessage(lang: string, message: TranslatableMessage): string {
  const t = translator(lang);
  const params: Record<string, unknown> = { ...(message.params ?? {}) };
  if (typeof params.field === 'string') params.field = t(`fields.${params.field}`, { defaultValue: params.field });
  return t(message.key, params);
}
