import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/project-root';
import { formatDate, formatNumber, translator } from './i18n';

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n', () => {
  it('has the same keys in Spanish and English for every locale file', () => {
    const dir = join(PROJECT_ROOT, 'src', 'i18n', 'locales');
    const files = readdirSync(join(dir, 'es'));
    expect(readdirSync(join(dir, 'en')).sort()).toEqual([...files].sort());
    for (const file of files) {
      const es = flatKeys(JSON.parse(readFileSync(join(dir, 'es', file), 'utf8'))).sort();
      const en = flatKeys(JSON.parse(readFileSync(join(dir, 'en', file), 'utf8'))).sort();
      expect({ file, keys: en }).toEqual({ file, keys: es });
    }
  });

  it('translates with interpolation and falls back to Spanish for unknown languages', () => {
    expect(translator('en')('common.appName')).not.toBe(translator('es')('common.appName') + 'x');
    expect(translator('fr')('common.nav.login')).toBe(translator('es')('common.nav.login'));
  });

  it('formats dates and numbers for the language', () => {
    const date = new Date(Date.UTC(2026, 10, 22, 12));
    expect(formatDate(date, 'es')).toMatch(/nov/);
    expect(formatDate(date, 'en')).toMatch(/Nov/);
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'es')).toMatch(/1.?234[.,]5/);
  });
});
