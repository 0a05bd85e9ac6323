import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { protectTypedCell, TypedCell } from '../../common/safe-cells';

export interface SheetColumn {
  header: string;
  kind: 'text' | 'number' | 'percent' | 'date';
  width: number;
}

/** A date as the calendar day, the way a spreadsheet shows it (UTC, as stored). */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Waits for room in the destination. One 'drain' and one 'close' listener per
 * download: compression forwards res.on('drain') to its zlib stream but not
 * removeListener, so a listener per wait would pile up there.
 */
function roomIn(destination: Writable) {
  let waiting: (() => void) | null = null;
  const wake = () => {
    const resolve = waiting;
    waiting = null;
    resolve?.();
  };
  destination.on('drain', wake);
  destination.on('close', wake);
  return {
    /** Resolves on the next 'drain' (after a write returned false), or when the client went away. */
    drained: () => (destination.destroyed ? Promise.resolve() : new Promise<void>((resolve) => (waiting = resolve))),
    done: () => destination.off('close', wake),
  };
}

/** Rows in arrays of `size`: a row-by-row source for the page writers. */
async function* batches<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

/**
 * One CSV field, as csv-stringify writes it with our options (a unit test holds
 * the two side by side): empty for no value, numbers as JavaScript writes them,
 * dates as the day, text through the formula guard and quoted when it holds a
 * comma, a quote or a line break.
 */
export function csvField(value: TypedCell): string {
  const cell = protectTypedCell(value);
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (cell instanceof Date) return isoDay(cell);
  if (cell === '') return '';
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTES, '""')}"` : cell;
}

function csvLine(row: readonly TypedCell[]): string {
  let line = '';
  for (let index = 0; index < row.length; index++) line += (index ? ',' : '') + csvField(row[index]);
  return line + '\n';
}

/**
 * CSV in UTF-8 with a BOM (so spreadsheet programs show accents), one write per
 * page of rows: the next page is read from the database only when the client
 * has taken the previous one (back-pressure). Every text cell goes through the
 * formula guard. Returns the number of data rows written.
 */
export async function writeCsvPages(
  destination: Writable,
  columns: readonly SheetColumn[],
  pages: AsyncIterable<readonly TypedCell[][]>,
): Promise<number> {
  const room = roomIn(destination);
  let count = 0;
  const write = async (text: string) => {
    if (!destination.write(text)) await room.drained();
  };
  await write('\uFEFF' + csvLine(columns.map((column) => column.header)));
  for await (const page of pages) {
    if (destination.destroyed) break;
    let text = '';
    for (const row of page) text += csvLine(row);
    count += page.length;
    await write(text);
  }
  room.done();
  if (!destination.destroyed) destination.end();
  return count;
}

/** The same, rows one by one (summaries, own data): written 500 rows at a time. */
export function writeCsv(destination: Writable, columns: readonly SheetColumn[], rows: AsyncIterable<TypedCell[]>): Promise<number> {
  return writeCsvPages(destination, columns, batches(rows, 500));
}

/**
 * XLSX through exceljs's streaming writer: real numbers and dates in the cells,
 * a bold header row, the header frozen, column widths. Each row is committed
 * (written out and forgotten) as soon as it is added; after each page the
 * writer waits while the response's buffer is full (the zip stream does not
 * push back on its own).
 */
export async function writeXlsxPages(
  destination: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  pages: AsyncIterable<readonly TypedCell[][]>,
): Promise<number> {
  const room = roomIn(destination);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: destination, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = columns.map((column) =>
    column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : column.kind === 'percent' ? { numFmt: '0.0' } : {},
  );
  sheet.columns = columns.map((column, index) => ({ key: String(index), width: column.width, style: styles[index] }));
  const header = sheet.addRow(columns.map((column) => protectTypedCell(column.header)));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const page of pages) {
    if (destination.destroyed) break;
    for (const values of page) {
      const row = sheet.addRow(values.map(protectTypedCell));
      // Each cell gets its column's style object itself (exceljs copies it into a new object per cell):
      // exceljs remembers a style object's id, so it is worked out once per column instead of once per cell.
      for (let index = 0; index < styles.length; index++) row.getCell(index + 1).style = styles[index];
      row.commit();
    }
    count += page.length;
    if (destination.writableNeedDrain && !destination.destroyed) await room.drained();
  }
  room.done();
  sheet.commit();
  await workbook.commit();
  return count;
}

/** The same, rows one by one: committed 200 rows at a time. */
export function writeXlsx(
  destination: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<TypedCell[]>,
): Promise<number> {
  return writeXlsxPages(destination, sheetName, columns, batches(rows, 200));
}
