import { getI18n, LANGUAGES, translate, translator } from './i18n';
import { FastTranslator } from './fast-translate';

/** Every string key of one language, with plural suffixes folded into their base key. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(/_(one|other)$/, '')];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, child]) => keysOf(child, prefix ? `${prefix}.${name}` : name));
}

function placeholdersOf(key: string): string[] {
  const names = new Set<string>();
  for (const lang of LANGUAGES) {
    for (const suffix of ['', '_one', '_other']) {
      const text = getI18n().getResource(lang, 'translation', key + suffix) as unknown;
      if (typeof text === 'string') for (const match of text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
    }
  }
  return [...names];
}

describe('FastTranslator', () => {
  const fast = new FastTranslator(getI18n(), 'es');
  const keys = [...new Set(LANGUAGES.flatMap((lang) => keysOf(getI18n().getResourceBundle(lang, 'translation'))))];

  it('gives what i18next gives, for every string of both languages, or leaves it to i18next', () => {
    let answered = 0;
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        const names = placeholdersOf(key);
        for (const count of [0, 1, 2, 1234.5]) {
          const params: Record<string, unknown> = Object.fromEntries(names.map((name, i) => [name, `v${i}<&>`]));
          params.count = count;
          const expected = translator(lang)(key, params);
          const got = fast.translate(lang, key, params);
          if (got !== undefined) {
            answered += 1;
            expect({ lang, key, count, text: got }).toEqual({ lang, key, count, text: expected });
          }
        }
        if (!names.includes('count') && names.length) {
          const params = Object.fromEntries(names.map((name) => [name, 7]));
          const got = fast.translate(lang, key, params);
          if (got !== undefined) expect({ lang, key, text: got }).toEqual({ lang, key, text: translator(lang)(key, params) });
        }
      }
    }
    // Most strings are simple: the fast path must actually be taken.
    expect(answered).toBeGreaterThan(keys.length * LANGUAGES.length);
  });

  it('leaves i18next options, object values, missing values, nesting and unknown keys to i18next', () => {
    expect(fast.translate('es', 'learning.catalogue.hours', { count: 2, defaultValue: 'x' })).toBeUndefined();
    expect(fast.translate('es', 'learning.catalogue.hours', { count: '2' })).toBeUndefined();
    expect(fast.translate('es', 'learning.catalogue.minutes', {})).toBeUndefined();
    expect(fast.translate('es', 'learning.catalogue.minutes', { minutes: { a: 1 } })).toBeUndefined();
    expect(fast.translate('es', 'content.problems.front-matter.bad-yaml', { reasonKey: 'a', hintKey: 'b' })).toBeUndefined();
    expect(fast.translate('es', 'no.such.key', { a: 1 })).toBeUndefined();
  });

  it('formats numbers as each language writes them', () => {
    expect(fast.translate('en', 'learning.catalogue.hours', { count: 1234 })).toBe(
      translator('en')('learning.catalogue.hours', { count: 1234 }),
    );
    expect(fast.translate('es', 'learning.catalogue.hours', { count: 1 })).toBe(translator('es')('learning.catalogue.hours', { count: 1 }));
  });
});

describe('translate', () => {
  it('remembers plain labels and answers like i18next, with and without parameters', () => {
    for (const lang of [...LANGUAGES, 'fr']) {
      expect(translate(lang, 'common.appName')).toBe(translator(lang)('common.appName'));
      expect(translate(lang, 'common.appName')).toBe(translator(lang)('common.appName'));
      expect(translate(lang, 'learning.catalogue.hours', { count: 3 })).toBe(translator(lang)('learning.catalogue.hours', { count: 3 }));
      expect(translate(lang, 'missing.key')).toBe('missing.key');
    }
  });
});
