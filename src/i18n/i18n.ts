import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { i18n, TFunction } from 'i18next';
import { PROJECT_ROOT } from '../config/project-root';
import { FastTranslator } from './fast-translate';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const LOCALES_DIR = join(PROJECT_ROOT, 'src', 'i18n', 'locales');

// Each feature keeps its strings in locales/<lang>/<feature>.json; the file name is the key prefix.
function loadResources(): Record<string, { translation: Record<string, unknown> }> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lang of LANGUAGES) {
    const translation: Record<string, unknown> = {};
    for (const file of readdirSync(join(LOCALES_DIR, lang)).filter((f) => f.endsWith('.json'))) {
      translation[basename(file, '.json')] = JSON.parse(readFileSync(join(LOCALES_DIR, lang, file), 'utf8'));
    }
    resources[lang] = { translation };
  }
  return resources;
}

let instance: i18n | undefined;

export function getI18n(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: loadResources(),
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      // Handlebars escapes the output; escaping here too would double-escape.
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return instance;
}

const translators = new Map<string, TFunction>();
let fast: FastTranslator | undefined;

function fastTranslator(): FastTranslator {
  return (fast ??= new FastTranslator(getI18n(), DEFAULT_LANGUAGE));
}

/** The fixed-language `t` of one language, made once (i18next's getFixedT builds a new function on every call). */
export function translator(lang: string): TFunction {
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  let t = translators.get(language);
  if (!t) translators.set(language, (t = getI18n().getFixedT(language)));
  return t;
}

/** Upper bound of remembered plain labels per language: keys are the templates' literals, but a key could be built from data. */
const MAX_REMEMBERED_LABELS = 5000;
const plainLabels = new Map<string, Map<string, string>>();

/**
 * A label without parameters, looked up once per language and key: pages print dozens of them per render and the
 * strings never change while the process runs (they are loaded once at start). With parameters, simple strings
 * (placeholders, plurals) are filled in by FastTranslator, the rest by i18next.
 */
export function translate(lang: string, key: string, params?: Record<string, unknown>): string {
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  if (params && hasKeys(params)) return fastTranslator().translate(language, key, params) ?? translator(language)(key, params);
  let labels = plainLabels.get(language);
  if (!labels) plainLabels.set(language, (labels = new Map()));
  let label = labels.get(key);
  if (label === undefined) {
    label = translator(language)(key);
    if (labels.size < MAX_REMEMBERED_LABELS) labels.set(key, label);
  }
  return label;
}

function hasKeys(value: Record<string, unknown>): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

export function locale(lang: string): string {
  return lang === 'en' ? 'en-US' : 'es-SV';
}

export function formatDate(value: Date | string | null | undefined, lang: string, withTime = false): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(lang, withTime).format(date);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and immutable: one per language and style. */
function dateFormat(lang: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale(lang)}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format)
    dateFormats.set(
      key,
      (format = new Intl.DateTimeFormat(locale(lang), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' })),
    );
  return format;
}

/**
 * Numbers as each language writes them, on every page: Spanish "21,4" and "21,4 %"
 * (decimal comma, a non-breaking space before %), English "21.4" and "21.4%".
 */
export function numberLocale(lang: string): string {
  return lang === 'en' ? 'en-US' : 'es';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, style: 'decimal' | 'percent', maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${numberLocale(lang)}|${style}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(numberLocale(lang), { style, maximumFractionDigits })));
  return format;
}

export function formatNumber(value: number | string | null | undefined, lang: string, maximumFractionDigits = 1): string {
  const number = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(number)) return '';
  return numberFormat(lang, 'decimal', maximumFractionDigits).format(number);
}

/** A percentage given as 0-100 (scores, progress, pass marks): "21,4 %" / "21.4%". */
export function formatPercent(value: number | string | null | undefined, lang: string, maximumFractionDigits = 1): string {
  const number = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(number)) return '';
  return numberFormat(lang, 'percent', maximumFractionDigits).format(number / 100);
}
