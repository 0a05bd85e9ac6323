import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
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
 * Resolves on the stream's next 'drain', or when the destination closes (the client went away).
 * `once` for 'drain': compression forwards res.on('drain') to its zlib stream but not removeListener.
 */
function drained(stream: NodeJS.EventEmitter, destination: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      destination.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    destination.on('close', done);
  });
}

/** Waits until the destination has room again (the client reads slowly, or not at all). */
async function roomIn(destination: Writable): Promise<void> {
  if (destination.writableNeedDrain && !destination.destroyed) await drained(destination, destination);
}

/** Rows per CSV write: one chunk of a few hundred KB instead of one tiny write (and one compression call) per row. */
const CSV_BATCH = 500;

/**
 * CSV in UTF-8 with a BOM (so spreadsheet programs show accents), rows pulled
 * from `rows` batch by batch: the next page is read from the database only when
 * the client has taken the previous one (back-pressure). Every text cell goes
 * through the formula guard. Returns the number of data rows written.
 */
export async function writeCsv(destination: Writable, columns: readonly SheetColumn[], rows: AsyncIterable<TypedCell[]>): Promise<number> {
  const options = { cast: { date: isoDay } };
  let count = 0;
  let batch: unknown[][] = [];
  const flush = async (prefix = '') => {
    const text = prefix + stringify(batch, options);
    batch = [];
    if (!destination.write(text) && !destination.destroyed) await drained(destination, destination);
  };
  batch.push(columns.map((column) => protectTypedCell(column.header)));
  await flush('\uFEFF');
  for await (const row of rows) {
    if (destination.destroyed) break;
    batch.push(row.map(protectTypedCell));
    count += 1;
    if (batch.length >= CSV_BATCH) await flush();
  }
  if (batch.length && !destination.destroyed) await flush();
  if (!destination.destroyed) destination.end();
  return count;
}

/**
 * XLSX through exceljs's streaming writer: real numbers and dates in the cells,
 * a bold header row, the header frozen, column widths. Each row is committed
 * (written out and forgotten) as soon as it is added.
 */
export async function writeXlsx(
  destination: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<TypedCell[]>,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: destination, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    width: column.width,
    style: column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : column.kind === 'percent' ? { numFmt: '0.0' } : {},
  }));
  const header = sheet.addRow(columns.map((column) => protectTypedCell(column.header)));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of rows) {
    if (destination.destroyed) break;
    sheet.addRow(row.map(protectTypedCell)).commit();
    count += 1;
    // The zip stream does not push back on its own: wait whenever the response's buffer is full.
    if (count % 200 === 0) await roomIn(destination);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
