import { join } from 'node:path';
import { yamlReasonKey } from '../content/parsing/front-matter';
import { checkContentDir, formatReport, languageFromEnvironment, parseCheckArguments } from './content-check';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'content');

describe('content:check', () => {
  it('takes the language from --lang, else from LC_ALL / LC_MESSAGES / LANG, else Spanish', () => {
    expect(languageFromEnvironment({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LC_ALL: 'es_SV.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(languageFromEnvironment({ LANG: 'C.UTF-8' })).toBe('es');
    expect(languageFromEnvironment({})).toBe('es');
    expect(parseCheckArguments(['--lang', 'en', 'content'], {})).toEqual({ folder: 'content', lang: 'en', help: false });
    expect(parseCheckArguments(['content', '--lang=es'], { LANG: 'en' })).toEqual({ folder: 'content', lang: 'es', help: false });
    expect(parseCheckArguments(['--lang', 'fr'], {}).error).toMatch(/es or en/);
  });

  it('reports independent problems in one run: a broken course.md does not hide a missing English module', async () => {
    const report = await checkContentDir(join(FIXTURES, 'not-ok', 'bad-yaml'));
    const codes = report.problems.map((problem) => problem.code);
    expect(codes).toContain('front-matter.bad-yaml');
    expect(codes).toContain('module.no-objectives'); // the module is still read and checked
  });

  it('prints messages in Spanish or English, explaining the YAML parser in plain words', async () => {
    const report = await checkContentDir(join(FIXTURES, 'not-ok', 'bad-yaml'));
    const spanish = formatReport(report, FIXTURES, 'es');
    const english = formatReport(report, FIXTURES, 'en');
    expect(spanish).toContain(
      'not-ok/bad-yaml/curso/course.md:3: error: Los ajustes no son YAML válido: hay dos puntos donde no se esperan: ponga entre comillas "..." un valor que contenga dos puntos seguidos de un espacio, y escriba cada ajuste como clave: valor [front-matter.bad-yaml]',
    );
    expect(spanish.join('\n')).not.toMatch(/incomplete explicit mapping pair/);
    expect(spanish.some((line) => line.includes(': aviso: El módulo no declara objetivos de aprendizaje'))).toBe(true);
    expect(spanish[spanish.length - 1]).toBe('content:check: 1 curso revisado, 1 error, 2 avisos');
    expect(english.some((line) => line.includes(': error: The settings are not valid YAML: there is a colon where none is expected'))).toBe(
      true,
    );
    expect(english[english.length - 1]).toBe('content:check: 1 course checked, 1 error, 2 warnings');
  });

  it("names the YAML parser's reasons by what they mean to an author", () => {
    expect(yamlReasonKey('bad indentation of a mapping entry')).toBe('indentation');
    expect(yamlReasonKey('duplicated mapping key')).toBe('duplicate-key');
    expect(yamlReasonKey('unexpected end of the stream within a double quoted scalar')).toBe('unclosed-quote');
    expect(yamlReasonKey('unexpected end of the stream within a flow collection')).toBe('unclosed-list');
    expect(yamlReasonKey('end of the stream or a document separator is expected')).toBe('stray-text');
    expect(yamlReasonKey('something new')).toBe('other');
  });

  it('translates every message of every fixture without leaving a placeholder or a missing key', async () => {
    for (const kind of ['objectives', 'tools', 'item-writing', 'front-matter-problems', 'broken-links']) {
      const report = await checkContentDir(join(FIXTURES, 'not-ok', kind));
      for (const lang of ['es', 'en'] as const) {
        for (const line of formatReport(report, FIXTURES, lang)) expect(line).not.toMatch(/\{\{|\$t\(|content\.problems\.|undefined/);
      }
    }
  });
});
