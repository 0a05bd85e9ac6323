import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { LANGUAGES, translator } from '../../i18n/i18n';
import { translateMessage } from '../../i18n/text';
import { AGE_GROUPS, COUNTRIES, INSTITUTIONS, SEXES } from '../../users/profile-options';
import type { PlannedRow } from './bulk-plan';
import { BULK_FIELDS, BulkField, buildOptionIndex, OPTION_FIELDS, OptionField, OptionIndex } from './bulk-rows';
import { protectCell } from '../../common/safe-cells';

const OPTION_CODES: Record<OptionField, readonly string[]> = {
  institution: INSTITUTIONS,
  country: COUNTRIES,
  sex: SEXES,
  ageGroup: AGE_GROUPS,
};
const OPTION_LISTS: Record<OptionField, string> = {
  institution: 'institutions',
  country: 'countries',
  sex: 'sexes',
  ageGroup: 'ageGroups',
};

/** The template's column titles in one language. */
export function columnLabels(lang: string): Record<BulkField, string> {
  const t = translator(lang);
  return Object.fromEntries(BULK_FIELDS.map((field) => [field, t(`cohorts.bulk.columns.${field}`)])) as Record<BulkField, string>;
}

export function headerLabelSets(): Record<BulkField, string>[] {
  return LANGUAGES.map(columnLabels);
}

/** Codes and the labels the site shows, in Spanish and English (src/i18n/locales/<lang>/options.json). */
export function optionIndex(): OptionIndex {
  const labelSets = LANGUAGES.map((lang) => {
    const t = translator(lang);
    return Object.fromEntries(
      OPTION_FIELDS.map((field) => [
        field,
        Object.fromEntries(OPTION_CODES[field].map((code) => [code, t(`options.${OPTION_LISTS[field]}.${code}`)])),
      ]),
    ) as Record<OptionField, Record<string, string>>;
  });
  return buildOptionIndex(OPTION_CODES, labelSets);
}

/** UTF-8 with a BOM, so Excel opens accents correctly; every cell through the formula guard. */
export function csvFile(rows: unknown[][]): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(stringify(rows.map((row) => row.map(protectCell))), 'utf8')]);
}

export function templateCsv(lang: string): Buffer {
  return csvFile([BULK_FIELDS.map((field) => columnLabels(lang)[field])]);
}

/** The XLSX template: a participants sheet with the column titles, and a sheet of accepted values. */
export async function templateXlsx(lang: string): Promise<Buffer> {
  const t = translator(lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('cohorts.bulk.template.sheet'));
  const labels = columnLabels(lang);
  sheet.columns = BULK_FIELDS.map((field) => ({
    header: labels[field],
    key: field,
    width: field === 'email' || field === 'name' ? 32 : 22,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const values = workbook.addWorksheet(t('cohorts.bulk.template.valuesSheet'));
  values.addRow([t('cohorts.bulk.template.column'), t('cohorts.bulk.template.code'), t('cohorts.bulk.template.label')]).font = {
    bold: true,
  };
  for (const field of OPTION_FIELDS) {
    for (const code of OPTION_CODES[field])
      values.addRow([labels[field], code, t(`options.${OPTION_LISTS[field]}.${code}`)].map(protectCell));
  }
  values.columns.forEach((column) => {
    column.width = 34;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every row of the upload with what happened to it, in the coordinator's language. */
export function resultCsv(rows: PlannedRow[], lang: string): Buffer {
  const t = translator(lang);
  const labels = columnLabels(lang);
  const header = [
    t('cohorts.bulk.table.line'),
    labels.email,
    labels.name,
    t('cohorts.bulk.table.outcome'),
    t('cohorts.bulk.table.details'),
  ];
  return csvFile([
    header,
    ...rows.map((row) => [
      row.line,
      row.email,
      row.name,
      t(`cohorts.bulk.outcomes.${row.outcome}.done`),
      row.messages.map((message) => translateMessage(lang, message)).join(' · '),
    ]),
  ]);
}
