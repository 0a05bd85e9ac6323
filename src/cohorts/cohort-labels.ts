import { LANGUAGES, translator } from '../i18n/i18n';

/** A country's names in both languages (Spanish first), e.g. ['Panamá', 'Panama']. */
export function countryLabels(code: string): string[] {
  return [...new Set(LANGUAGES.map((lang) => translator(lang)(`options.countries.${code}`, { defaultValue: code })))];
}
