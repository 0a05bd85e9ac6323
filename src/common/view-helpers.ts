import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import hbs from 'hbs';
import type { HelperOptions } from 'handlebars';
import { DEFAULT_LANGUAGE, formatDate, formatNumber, formatPercent, getI18n, translate, translator } from '../i18n/i18n';
import { localized, LocalizedText, translateMessage } from '../i18n/text';
import type { MessageRef } from './errors';
import { LANGUAGES } from '../i18n/i18n';
import { ROLES } from './roles';

const OPTION_LISTS: Record<string, readonly string[]> = {
  languages: LANGUAGES,
  roles: ROLES,
};

/** Lets a feature offer its option lists to the views' {{optionList "name"}} (users register the profile lists). */
export function registerOptionLists(lists: Record<string, readonly string[]>): void {
  Object.assign(OPTION_LISTS, lists);
}

/** The page's language in a view helper (the root context's `lang`, set for every page by requestLocals). */
export function languageOf(options: HelperOptions): string {
  const root = options.data?.root as { lang?: string } | undefined;
  return root?.lang ?? DEFAULT_LANGUAGE;
}

/** The first field (in the order the form reported them) that has a message; '_form' is not a field. */
export function firstErrorField(errors: Record<string, unknown> | undefined): string | undefined {
  return Object.keys(errors ?? {}).find((field) => field !== '_form');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Partials are registered synchronously so the first request (or test) never races their loading. */
export function registerPartials(partialsDir: string): void {
  for (const file of walk(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    const name = relative(partialsDir, file)
      .replace(/\\/g, '/')
      .replace(/\.hbs$/, '');
    hbs.registerPartial(name, readFileSync(file, 'utf8'));
  }
}

export function registerViewHelpers(): void {
  hbs.registerHelper('t', function (key: string, options: HelperOptions) {
    return translate(languageOf(options), key, options.hash as Record<string, unknown> | undefined);
  });
  /** Translates a {key, params} message reference produced by validation or flash. */
  hbs.registerHelper('tm', function (message: MessageRef, options: HelperOptions) {
    return translateMessage(languageOf(options), message);
  });
  /** A course title (or any {es, en} text) in the reader's language. */
  hbs.registerHelper('localized', function (text: LocalizedText, options: HelperOptions) {
    return localized(text, languageOf(options));
  });
  /**
   * A page names itself for the <title>: {{setTitle (t "auth.login.title")}} gives "Iniciar sesión · Aprende Protección".
   * Parts are joined with " · "; the view is rendered before the layout, which reads pageTitle from the same locals.
   */
  hbs.registerHelper('setTitle', function (...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const parts = args.filter((part) => part !== undefined && part !== null && String(part).trim() !== '').map(String);
    const root = options.data?.root as { pageTitle?: string } | undefined;
    if (root && parts.length) root.pageTitle = parts.join(' · ');
    return '';
  });
  hbs.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => String(a) === String(b));
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('gt', (a: number, b: number) => a > b);
  /** True for the first field in error, which gets autofocus: keyboard and screen-reader users land on the problem without JavaScript. */
  hbs.registerHelper('isFirstError', (errors: Record<string, unknown> | undefined, name: string) => firstErrorField(errors) === name);
  /** The error summary's links: one per field in error, to the field's id, with its label when the page's strings have one. */
  hbs.registerHelper('errorLinks', function (errors: Record<string, MessageRef[]> | undefined, options: HelperOptions) {
    const t = translator(languageOf(options));
    return Object.entries(errors ?? {})
      .filter(([field, messages]) => field !== '_form' && messages?.length)
      .map(([field, messages]) => {
        const labelKey = [`fields.${field}`, `cohorts.fields.${field}`].find((key) => getI18n().exists(key));
        return { href: `#${field}`, label: labelKey ? t(labelKey) : '', message: messages[0] };
      });
  });
  hbs.registerHelper('lookupErrors', (errors: Record<string, unknown> | undefined, name: string) => errors?.[name]);
  hbs.registerHelper('optionList', (name: string) => OPTION_LISTS[name] ?? []);
  hbs.registerHelper('formatDate', function (value: Date | string, options: HelperOptions) {
    return formatDate(value, languageOf(options), options.hash?.time === true);
  });
  hbs.registerHelper('formatNumber', function (value: number, options: HelperOptions) {
    return formatNumber(value, languageOf(options));
  });
  /** Every percentage on every page goes through here: "21,4 %" in Spanish, "21.4%" in English. */
  hbs.registerHelper('formatPercent', function (value: number, options: HelperOptions) {
    return formatPercent(value, languageOf(options));
  });
  hbs.registerHelper('add', (a: number, b: number) => Number(a) + Number(b));
  hbs.registerHelper('percent', (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0));
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
}
