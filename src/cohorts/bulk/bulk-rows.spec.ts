import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../config/project-root';
import { AGE_GROUPS, COUNTRIES, INSTITUTIONS, SEXES } from '../../users/profile-options';
import { ageToGroup, buildOptionIndex, mapHeaders, normaliseKey, parseSheet } from './bulk-rows';

const options = (lang: string) => {
  const json = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'i18n', 'locales', lang, 'options.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  return { institution: json.institutions, country: json.countries, sex: json.sexes, ageGroup: json.ageGroups };
};
const index = buildOptionIndex({ institution: INSTITUTIONS, country: COUNTRIES, sex: SEXES, ageGroup: AGE_GROUPS }, [
  options('es'),
  options('en'),
]);
const sheet = (...rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));
const parse = (...rows: string[][]) => parseSheet(sheet(...rows), index, AGE_GROUPS, [], 100);

describe('header mapping', () => {
  it('accepts Spanish and English headers with any accents, case and spacing', () => {
    const map = mapHeaders([
      'Correo Electrónico',
      'NOMBRE COMPLETO',
      'Institución',
      'Cargo',
      'País',
      'Departamento',
      'Lugar de trabajo',
      'Sexo',
      'Grupo de edad',
    ]);
    expect(map.columns).toEqual(['email', 'name', 'institution', 'position', 'country', 'department', 'dutyStation', 'sex', 'ageGroup']);
    expect(mapHeaders(['Email', 'Full name', 'Duty station', 'Age group', 'Notes']).columns).toEqual([
      'email',
      'name',
      'dutyStation',
      'ageGroup',
      null,
    ]);
  });

  it('reports missing required columns and ignores unknown or repeated ones', () => {
    const map = mapHeaders(['nombre', 'Observaciones', 'nombre']);
    expect(map.missing).toEqual(['email']);
    expect(map.ignored).toEqual(['Observaciones', 'nombre']);
  });

  it('accepts the template labels passed in', () => {
    expect(mapHeaders(['Correo-e del participante'], [{ email: 'Correo-e del participante' }]).columns).toEqual(['email']);
  });
});

describe('value normalisation', () => {
  it('recognises codes and labels in either language, without accents or case', () => {
    const { rows } = parse(
      ['email', 'name', 'institution', 'country', 'sex', 'ageGroup'],
      ['a@x.org', 'A', 'Policía Nacional Civil (PNC)', 'el salvador', 'Mujer', '25 a 34 años'],
      ['b@x.org', 'B', 'pnc', 'GT', 'male', '35-44'],
      ['c@x.org', 'C', 'Ministry of Health (MINSAL)', 'Panama', 'Prefer not to say', '65 or older'],
      ['d@x.org', 'D', 'policia nacional civil', 'Panamá', 'HOMBRE', '29'],
    );
    expect(rows.map((row) => [row.values.institution, row.values.country, row.values.sex, row.values.ageGroup])).toEqual([
      ['pnc', 'SV', 'female', '25-34'],
      ['pnc', 'GT', 'male', '35-44'],
      ['minsal', 'PA', 'prefer_not_to_say', '65+'],
      ['pnc', 'PA', 'male', '25-34'],
    ]);
    expect(rows.every((row) => row.problems.length === 0)).toBe(true);
  });

  it('explains unknown values, bad emails and repeated rows', () => {
    const { rows } = parse(
      ['correo', 'nombre', 'país', 'sexo', 'edad'],
      ['ANA@Example.org ', 'Ana', 'Narnia', 'x', '12'],
      ['no-es-correo', 'Luis', '', '', ''],
      ['mailto:ana@example.org', 'Ana otra vez', '', '', ''],
    );
    expect(rows[0].values.email).toBe('ana@example.org');
    expect(rows[0].problems.map((p) => p.key)).toEqual([
      'cohorts.bulk.problems.unknown.country',
      'cohorts.bulk.problems.unknown.sex',
      'cohorts.bulk.problems.unknown.ageGroup',
    ]);
    expect(rows[0].problems[0].params).toEqual({ value: 'Narnia' });
    expect(rows[1].problems).toEqual([{ key: 'cohorts.bulk.problems.invalidEmail', params: { value: 'no-es-correo' } }]);
    expect(rows[2].problems).toEqual([{ key: 'cohorts.bulk.problems.duplicateRow', params: { line: 2 } }]);
  });

  it('keeps formula-looking text as it was typed', () => {
    const { rows } = parse(['email', 'name'], ['f@x.org', '=HYPERLINK("http://evil","x")']);
    expect(rows[0].values.name).toBe('=HYPERLINK("http://evil","x")');
  });

  it('skips blank rows and reports file-level problems', () => {
    expect(parse([''], ['', '']).fileProblems).toEqual([{ key: 'cohorts.bulk.problems.emptyFile' }]);
    expect(parse(['email', 'name'], ['', ' ']).fileProblems).toEqual([{ key: 'cohorts.bulk.problems.noRows' }]);
    expect(parse(['nombre']).fileProblems).toEqual([{ key: 'cohorts.bulk.problems.missingColumn', params: { field: 'email' } }]);
    const many = parseSheet(sheet(['email', 'name'], ['a@x.org', 'A'], ['b@x.org', 'B']), index, AGE_GROUPS, [], 1);
    expect(many.fileProblems).toEqual([{ key: 'cohorts.bulk.problems.tooManyRows', params: { limit: 1 } }]);
  });

  it('turns ages into groups and normalises keys', () => {
    expect(ageToGroup('18', AGE_GROUPS)).toBe('18-24');
    expect(ageToGroup('70', AGE_GROUPS)).toBe('65+');
    expect(ageToGroup('17', AGE_GROUPS)).toBeNull();
    expect(normaliseKey(' Año–Niñez ')).toBe('ano-ninez');
  });
});
