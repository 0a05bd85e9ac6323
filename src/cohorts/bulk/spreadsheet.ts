import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Upload limits: enough for a few thousand participants, small enough for a phone connection and the server's memory. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_DATA_ROWS = 2000;

export class UnreadableSpreadsheetError extends Error {}

/**
 * CSV bytes as text: UTF-8 (with or without BOM) as asked; when the bytes are
 * not valid UTF-8 they are most likely an Excel "CSV" export in Windows-1252,
 * which we read rather than turning every "ñ" into garbage.
 */
export function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Comma, semicolon (Excel in Spanish) or tab: whichever the header line uses most, outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (const char of firstLine) if (char in counts) counts[char as keyof typeof counts] += 1;
  const [best, count] = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

/** A row of cells with its row number in the file, so messages can point at it. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export function parseCsv(buffer: Buffer): SheetRow[] {
  const text = decodeText(buffer);
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw new UnreadableSpreadsheetError((error as Error).message);
  }
}

/** A cell as the text a person sees; a formula is kept as its text and never evaluated. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return '';
  return '';
}

export async function parseXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableSpreadsheetError((error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSpreadsheetError('no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (rows.length > MAX_DATA_ROWS + 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    rows.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** XLSX is recognised by its zip signature, whatever the file is called; everything else is read as CSV. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

export async function readSpreadsheet(buffer: Buffer): Promise<SheetRow[]> {
  return looksLikeXlsx(buffer) ? parseXlsx(buffer) : parseCsv(buffer);
}
