import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { protectTypedCell, type TypedCell } from '../../common/safe-cells';
import { csvField, SheetColumn, writeCsv, writeCsvPages, writeXlsx } from './sheet-writers';

const columns: SheetColumn[] = [
  { header: 'Nombre', kind: 'text', width: 20 },
  { header: 'Avance', kind: 'number', width: 8 },
  { header: 'Fecha', kind: 'date', width: 12 },
];
const date = new Date('2026-03-05T00:00:00Z');
const rows: TypedCell[][] = [
  ['José Núñez', 75, date],
  ['=HYPERLINK("http://evil")', -5, null],
  ['+503 7777', null, date],
  ['\tcmd', 0, null],
];

async function* generate(items: TypedCell[][]) {
  for (const item of items) yield item;
}

async function collect(write: (out: PassThrough) => Promise<number>): Promise<{ buffer: Buffer; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await write(out);
  await new Promise((resolve) => setImmediate(resolve));
  return { buffer: Buffer.concat(chunks), count };
}

describe('sheet writers', () => {
  it('writes CSV with a BOM, ISO dates, numbers as written and formulas neutralised', async () => {
    const { buffer, count } = await collect((out) => writeCsv(out, columns, generate(rows)));
    expect(count).toBe(4);
    expect(buffer.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = parse(buffer.toString('utf8').slice(1)) as string[][];
    expect(parsed).toEqual([
      ['Nombre', 'Avance', 'Fecha'],
      ['José Núñez', '75', '2026-03-05'],
      [`'=HYPERLINK("http://evil")`, '-5', ''],
      [`'+503 7777`, '', '2026-03-05'],
      [`'\tcmd`, '0', ''],
    ]);
  });

  it('writes XLSX with typed cells, a bold frozen header, widths and formulas neutralised', async () => {
    const { buffer, count } = await collect((out) => writeXlsx(out, 'Lista', columns, generate(rows)));
    expect(count).toBe(4);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Lista')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nombre', 'Avance', 'Fecha']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getCell('B2').value).toBe(75);
    expect(sheet.getCell('C2').value).toEqual(date);
    expect(sheet.getCell('A3').value).toBe(`'=HYPERLINK("http://evil")`);
    expect(sheet.getCell('A3').formula).toBeUndefined();
    expect(sheet.getCell('B3').value).toBe(-5);
    expect(sheet.getCell('A4').value).toBe(`'+503 7777`);
    expect(sheet.rowCount).toBe(5);
  });

  it('writes each CSV field as csv-stringify does (quotes, line breaks, numbers, dates, formulas)', () => {
    const values: TypedCell[] = [
      'plain',
      'with, comma',
      'say "hi"',
      'two\nlines',
      'carriage\rreturn',
      '',
      ' padded ',
      'Núñez',
      '=SUM(A1)',
      '-5 text',
      '@home',
      "'quoted",
      0,
      -5,
      72.5,
      1e21,
      Number.NaN,
      null,
      date,
      new Date('invalid'),
    ];
    const cast = { date: (value: Date) => value.toISOString().slice(0, 10) };
    for (const value of values) {
      const expected = stringify([[protectTypedCell(value)]], { cast }).slice(0, -1);
      expect([value, csvField(value)]).toEqual([value, expected]);
    }
  });

  it('writes CSV pages as one file, a header first', async () => {
    async function* pages() {
      yield rows.slice(0, 2);
      yield rows.slice(2);
    }
    const { buffer, count } = await collect((out) => writeCsvPages(out, columns, pages()));
    const whole = await collect((out) => writeCsv(out, columns, generate(rows)));
    expect(count).toBe(4);
    expect(buffer.toString('utf8')).toBe(whole.buffer.toString('utf8'));
  });
});
