import { translator } from '../i18n/i18n';
import type { Localized } from '../content/entities/course.entity';

/** A country's names in both languages (Spanish first), e.g. ['Panamá', 'Panama']. */
export function countryLabels(code: string): string[] {
  return [...new Set(['es', 'en'].map((lang) => translator(lang)(`options.countries.${code}`, { defaultValue: code })))];
}

/** A course title in the reader's language, else in the course's first language. */
export function localized(text: Localized | null | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? Object.values(text)[0] ?? '';
}
