import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/project-root';
import { formatDate, formatNumber, formatPercent, translator } from './i18n';

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
    expect(formatNumber(1234.5, 'es')).toBe('1234,5');
    expect(formatNumber(21.44, 'es')).toBe('21,4');
  });

  it('writes percentages as each language does: "21,4 %" in Spanish, "21.4%" in English', () => {
    expect(formatPercent(21.4, 'es')).toBe('21,4\u00a0%');
    expect(formatPercent(21.4, 'en')).toBe('21.4%');
    expect(formatPercent(100, 'es')).toBe('100\u00a0%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(66.666, 'fr')).toBe('66,7\u00a0%');
    expect(formatPercent(null, 'es')).toBe('');
    expect(formatPercent('80', 'en')).toBe('80%');
  });

  describe('plurals', () => {
    const strings = (lang: string) => {
      const dir = join(PROJECT_ROOT, 'src', 'i18n', 'locales', lang);
      return readdirSync(dir).flatMap((file) => {
        const walk = (value: unknown, prefix: string): [string, string][] =>
          typeof value === 'string' ? [[prefix, value]] : Object.entries(value as object).flatMap(([k, v]) => walk(v, `${prefix}.${k}`));
        return walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), file.replace('.json', ''));
      });
    };

    it.each(['es', 'en'])('every %s string that counts something uses the plural forms, never "(s)"', (lang) => {
      // "Module {{position}} of {{count}}" and "it has {{count}}" name no counted noun.
      const exempt = [
        'learning.module.position',
        'content.problems.question.truefalse-needs-two-options',
        'content.upload.errors.zip.too-many-files',
        'content.problems.question.too-many-options',
        'content.problems.question.too-many-correct',
        'content.problems.translation.option-count-mismatch',
        // "{{count}} of the {{total}} questions": the noun goes with the total.
        'content.problems.quiz.correct-option-longest',
        'content.problems.quiz.true-false-unbalanced',
      ];
      const offenders = strings(lang)
        .filter(
          ([key, value]) =>
            (/\{\{count[},]/.test(value) && !/_(one|other)$/.test(key) && !exempt.includes(key)) || /\((s|es)\)/.test(value),
        )
        .map(([key]) => key);
      expect(offenders).toEqual([]);
      const keys = new Set(strings(lang).map(([key]) => key));
      for (const key of keys) if (key.endsWith('_one')) expect(keys.has(key.replace(/_one$/, '_other'))).toBe(true);
    });

    it.each([
      ['cohorts.list.active', '1 participante', '2 participantes', '1 learner', '2 learners'],
      ['cohorts.learners.total', '1 participante', '2 participantes', '1 learner', '2 learners'],
      ['users.admin.total', '1 usuario', '2 usuarios', '1 user', '2 users'],
      ['learning.module.minutes', 'Aproximadamente 1 minuto', 'Unos 2 minutos', 'About 1 minute', 'About 2 minutes'],
      [
        'content.upload.created',
        'Curso creado: 1 archivo importado.',
        'Curso creado: 2 archivos importados.',
        'Course created: 1 file imported.',
        'Course created: 2 files imported.',
      ],
    ])('%s: one and many in both languages', (key, esOne, esMany, enOne, enMany) => {
      expect(translator('es')(key, { count: 1 })).toBe(esOne);
      expect(translator('es')(key, { count: 2 })).toBe(esMany);
      expect(translator('en')(key, { count: 1 })).toBe(enOne);
      expect(translator('en')(key, { count: 2 })).toBe(enMany);
    });

    it('formats a fractional count as the language writes it', () => {
      expect(translator('es')('learning.catalogue.hours', { count: 1.5 })).toMatch(/^1,5 /);
      expect(translator('en')('learning.catalogue.hours', { count: 1.5 })).toMatch(/^1\.5 /);
      expect(translator('es')('quizzes.result.gain', { count: 12.5 })).toBe('Mejoró 12,5 puntos.');
      expect(translator('en')('quizzes.result.gain', { count: 1 })).toBe('You improved by 1 point.');
    });
  });
});
