import type { i18n } from 'i18next';

/**
 * The common case of a label with parameters, without i18next's per-call work
 * (option merging, key parsing, regular expressions built per interpolation):
 * plain `{{name}}` and `{{count, number}}` placeholders, `_one`/`_other`
 * plurals chosen by `count`. The string of each (language, key) is compiled
 * once into literal parts and placeholders. Anything else (nesting with `$t(`,
 * other formats, a missing value, an object value, an i18next option such as
 * `defaultValue` or `context`) returns undefined and the caller asks i18next.
 * `fast-translate.spec.ts` checks every string of both languages against i18next.
 */
type Part = string | { name: string; number: boolean };

/** Parameter names that are i18next options rather than values: those calls go to i18next. */
const OPTION_NAMES = new Set([
  'defaultValue',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'fallbackLng',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'replace',
  'interpolation',
  'keySeparator',
  'nsSeparator',
  'skipInterpolation',
  'defaultValue_one',
  'defaultValue_other',
]);
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const SIMPLE_NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*(number)\s*)?$/;
/** Compiled strings kept at most: keys are the code's and templates' own, but a key could be built from data. */
const MAX_COMPILED = 5000;

export class FastTranslator {
  private readonly compiled = new Map<string, Part[] | null>();
  private readonly plurals = new Map<string, Intl.PluralRules>();
  private readonly numbers = new Map<string, Intl.NumberFormat>();

  constructor(
    private readonly i18n: i18n,
    private readonly fallbackLanguage: string,
  ) {}

  translate(language: string, key: string, params: Record<string, unknown>): string | undefined {
    for (const name in params) {
      if (OPTION_NAMES.has(name)) return undefined;
      const value = params[name];
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    }
    if (key.includes(':')) return undefined; // a namespace prefix: i18next's business
    let parts: Part[] | null | undefined;
    if ('count' in params) {
      if (typeof params.count !== 'number') return undefined;
      parts = this.parts(language, `${key}_${this.pluralRules(language).select(params.count)}`);
      if (parts === undefined) parts = this.parts(language, key);
    } else {
      parts = this.parts(language, key);
    }
    if (!parts) return undefined;
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      if (!(part.name in params)) return undefined;
      const value = params[part.name];
      text += part.number && typeof value === 'number' ? this.numberFormat(language).format(value) : String(value);
    }
    return text;
  }

  /** Compiled parts of the string at this key (the fallback language's when this one lacks it); undefined when no string is there, null when it is not a simple one. */
  private parts(language: string, key: string): Part[] | null | undefined {
    const cacheKey = `${language}\u0000${key}`;
    const known = this.compiled.get(cacheKey);
    if (known !== undefined) return known;
    const found = this.lookup(language, key) ?? (language === this.fallbackLanguage ? undefined : this.lookup(this.fallbackLanguage, key));
    if (found === undefined) return undefined;
    const parts = typeof found === 'string' ? compile(found) : null;
    if (this.compiled.size < MAX_COMPILED) this.compiled.set(cacheKey, parts);
    return parts;
  }

  private lookup(language: string, key: string): unknown {
    const value: unknown = this.i18n.getResource(language, 'translation', key);
    return value === undefined || value === null ? undefined : value;
  }

  private pluralRules(language: string): Intl.PluralRules {
    let rules = this.plurals.get(language);
    if (!rules) this.plurals.set(language, (rules = new Intl.PluralRules(language)));
    return rules;
  }

  private numberFormat(language: string): Intl.NumberFormat {
    let format = this.numbers.get(language);
    if (!format) this.numbers.set(language, (format = new Intl.NumberFormat(language)));
    return format;
  }
}

/** Literal text and placeholders, or null when the string needs i18next (nesting, other formats, unusual placeholders). */
function compile(text: string): Part[] | null {
  if (text.includes('$t(')) return null;
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const simple = SIMPLE_NAME.exec(match[1]);
    if (!simple) return null;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ name: simple[1], number: simple[2] === 'number' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
