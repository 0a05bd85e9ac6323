import { isEmail } from 'class-validator';
import type { MessageRef } from '../../common/errors';
import type { SheetRow } from './spreadsheet';

export const BULK_FIELDS = ['email', 'name', 'institution', 'position', 'country', 'department', 'dutyStation', 'sex', 'ageGroup'] as const;
export type BulkField = (typeof BULK_FIELDS)[number];
export const REQUIRED_HEADERS: BulkField[] = ['email', 'name'];
/** A new account needs these; for an existing account the file's profile values are not used. */
export const REQUIRED_FOR_NEW_ACCOUNT: BulkField[] = ['name', 'institution', 'country', 'sex', 'ageGroup'];
export const OPTION_FIELDS = ['institution', 'country', 'sex', 'ageGroup'] as const;
export type OptionField = (typeof OPTION_FIELDS)[number];

const MAX_LENGTH: Record<BulkField, number> = {
  email: 254,
  name: 120,
  institution: 120,
  position: 120,
  country: 80,
  department: 80,
  dutyStation: 120,
  sex: 40,
  ageGroup: 40,
};

/** "Correo electrónico", "CORREO_ELECTRONICO" and "correo electronico " all become "correoelectronico". */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[^a-z0-9+-]/g, '');
}

/** Header names people actually use, besides the template's own labels in each language. */
export const HEADER_SYNONYMS: Record<BulkField, string[]> = {
  email: ['email', 'e-mail', 'mail', 'correo', 'correo electrónico', 'email address', 'correo institucional'],
  name: ['name', 'full name', 'nombre', 'nombre completo', 'nombres y apellidos', 'participante', 'participant'],
  institution: ['institution', 'organisation', 'organization', 'institución', 'organización', 'entidad'],
  position: ['position', 'job title', 'role', 'cargo', 'puesto'],
  country: ['country', 'país'],
  department: ['department', 'province', 'state', 'departamento', 'provincia'],
  dutyStation: ['duty station', 'workplace', 'lugar de trabajo', 'sede', 'puesto fronterizo', 'lugar de destino'],
  sex: ['sex', 'gender', 'sexo', 'género'],
  ageGroup: ['age group', 'age', 'grupo de edad', 'edad', 'rango de edad'],
};

export interface HeaderMap {
  /** For each column of the file, the field it holds (null: ignored). */
  columns: (BulkField | null)[];
  missing: BulkField[];
  ignored: string[];
}

/** Matches the header row to fields, accepting the template labels (labelSets) and the synonyms above. */
export function mapHeaders(header: string[], labelSets: Partial<Record<BulkField, string>>[] = []): HeaderMap {
  const aliases = new Map<string, BulkField>();
  for (const field of BULK_FIELDS) {
    for (const alias of [field, ...HEADER_SYNONYMS[field], ...labelSets.map((labels) => labels[field] ?? '')]) {
      if (alias) aliases.set(normaliseKey(alias), field);
    }
  }
  const seen = new Set<BulkField>();
  const ignored: string[] = [];
  const columns = header.map((cell) => {
    const field = aliases.get(normaliseKey(cell)) ?? null;
    // A second column with the same meaning is ignored rather than silently overwriting the first.
    if (!field || seen.has(field)) {
      if (cell.trim()) ignored.push(cell.trim());
      return null;
    }
    seen.add(field);
    return field;
  });
  return { columns, missing: REQUIRED_HEADERS.filter((field) => !seen.has(field)), ignored };
}

/** Accepted spellings of each option: its code and its labels in every language, compared without accents or case. */
export type OptionIndex = Record<OptionField, Map<string, string>>;

export function buildOptionIndex(
  codes: Record<OptionField, readonly string[]>,
  labelSets: Partial<Record<OptionField, Record<string, string>>>[],
): OptionIndex {
  const index = {} as OptionIndex;
  for (const field of OPTION_FIELDS) {
    const map = new Map<string, string>();
    for (const code of codes[field]) {
      map.set(normaliseKey(code), code);
      for (const labels of labelSets) {
        const label = labels[field]?.[code];
        if (label) {
          map.set(normaliseKey(label), code);
          // "Policía Nacional Civil (PNC)": the name alone and the acronym alone are accepted too.
          const acronym = /\(([^)]+)\)\s*$/.exec(label);
          if (acronym) {
            map.set(normaliseKey(acronym[1]), code);
            map.set(normaliseKey(label.slice(0, acronym.index)), code);
          }
        }
      }
    }
    index[field] = map;
  }
  return index;
}

/** An age such as "29" is turned into its group, since many lists record ages rather than groups. */
export function ageToGroup(value: string, groups: readonly string[]): string | null {
  if (!/^\d{2,3}$/.test(value.trim())) return null;
  const age = Number(value);
  for (const group of groups) {
    const range = /^(\d+)-(\d+)$/.exec(group);
    if (range && age >= Number(range[1]) && age <= Number(range[2])) return group;
    const open = /^(\d+)\+$/.exec(group);
    if (open && age >= Number(open[1])) return group;
  }
  return null;
}

export type ParsedValues = Record<BulkField, string>;

export interface ParsedRow {
  line: number;
  /** Cleaned values: option fields hold the code when recognised, '' when empty. */
  values: ParsedValues;
  /** What the file said, for the preview and the result file. */
  raw: ParsedValues;
  problems: MessageRef[];
}

export function cleanEmail(value: string): string {
  return value
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
}

/**
 * One data row to values and problems. Names and other free text are kept
 * exactly as typed (even "=SUM(...)"): they are only ever shown as text and
 * written out with the formula guard, never evaluated.
 */
export function parseRow(row: SheetRow, headers: HeaderMap, options: OptionIndex, ageGroups: readonly string[]): ParsedRow {
  const raw = Object.fromEntries(BULK_FIELDS.map((field) => [field, ''])) as ParsedValues;
  headers.columns.forEach((field, column) => {
    if (field) raw[field] = (row.cells[column] ?? '').replace(/\s+/g, ' ').trim();
  });
  const values = { ...raw, email: cleanEmail(raw.email) };
  const problems: MessageRef[] = [];
  if (!values.email) problems.push({ key: 'cohorts.bulk.problems.missingEmail' });
  else if (!isEmail(values.email) || values.email.length > MAX_LENGTH.email)
    problems.push({ key: 'cohorts.bulk.problems.invalidEmail', params: { value: raw.email } });
  for (const field of OPTION_FIELDS) {
    if (!raw[field]) continue;
    const code = options[field].get(normaliseKey(raw[field])) ?? (field === 'ageGroup' ? ageToGroup(raw[field], ageGroups) : null);
    if (code) values[field] = code;
    else problems.push({ key: `cohorts.bulk.problems.unknown.${field}`, params: { value: raw[field] } });
  }
  for (const field of BULK_FIELDS) {
    if (raw[field].length > MAX_LENGTH[field] && field !== 'email')
      problems.push({ key: 'cohorts.bulk.problems.tooLong', params: { field, limit: MAX_LENGTH[field] } });
  }
  return { line: row.line, values, raw, problems };
}

export interface ParsedSheet {
  rows: ParsedRow[];
  /** Problems with the file as a whole (missing columns, no rows, too many rows). */
  fileProblems: MessageRef[];
  ignoredColumns: string[];
}

/** The whole sheet: header row first, blank rows skipped, repeated emails flagged on every repeat. */
export function parseSheet(
  sheet: SheetRow[],
  options: OptionIndex,
  ageGroups: readonly string[],
  labelSets: Partial<Record<BulkField, string>>[],
  maxRows: number,
): ParsedSheet {
  const nonEmpty = sheet.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!nonEmpty.length) return { rows: [], fileProblems: [{ key: 'cohorts.bulk.problems.emptyFile' }], ignoredColumns: [] };
  const [header, ...data] = nonEmpty;
  const headers = mapHeaders(header.cells, labelSets);
  if (headers.missing.length) {
    return {
      rows: [],
      fileProblems: headers.missing.map((field) => ({ key: 'cohorts.bulk.problems.missingColumn', params: { field } })),
      ignoredColumns: headers.ignored,
    };
  }
  if (!data.length) return { rows: [], fileProblems: [{ key: 'cohorts.bulk.problems.noRows' }], ignoredColumns: headers.ignored };
  if (data.length > maxRows)
    return {
      rows: [],
      fileProblems: [{ key: 'cohorts.bulk.problems.tooManyRows', params: { limit: maxRows } }],
      ignoredColumns: headers.ignored,
    };
  const firstLineOf = new Map<string, number>();
  const rows = data.map((row) => {
    const parsed = parseRow(row, headers, options, ageGroups);
    const email = parsed.values.email;
    if (email && firstLineOf.has(email))
      parsed.problems.unshift({ key: 'cohorts.bulk.problems.duplicateRow', params: { line: firstLineOf.get(email) ?? 0 } });
    else if (email) firstLineOf.set(email, parsed.line);
    return parsed;
  });
  return { rows, fileProblems: [], ignoredColumns: headers.ignored };
}
