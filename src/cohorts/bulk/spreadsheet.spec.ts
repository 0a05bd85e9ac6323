import ExcelJS from 'exceljs';
import { decodeText, detectDelimiter, looksLikeXlsx, parseCsv, readSpreadsheet } from './spreadsheet';

describe('spreadsheet reading', () => {
  it('reads UTF-8 with a BOM, semicolons, quotes and accents', () => {
    const csv = Buffer.from('\uFEFFcorreo;nombre\r\n"ana@x.org";"Núñez; Ana"\r\n\r\nluis@x.org;Luis\r\n', 'utf8');
    expect(parseCsv(csv)).toEqual([
      { line: 1, cells: ['correo', 'nombre'] },
      { line: 2, cells: ['ana@x.org', 'Núñez; Ana'] },
      { line: 4, cells: ['luis@x.org', 'Luis'] },
    ]);
  });

  it('reads comma-separated files and falls back to Windows-1252 for Excel exports', () => {
    expect(detectDelimiter('email,name\nx;y,z')).toBe(',');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(decodeText(Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a]))).toBe('Núñez');
  });

  it('reads the first sheet of an XLSX file, keeping formulas as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Participantes');
    sheet.addRow(['Correo', 'Nombre']);
    sheet.addRow(['ana@x.org', { formula: 'CONCAT("A","na")', result: 'Ana' }]);
    sheet.addRow([]);
    sheet.addRow([{ text: 'luis@x.org', hyperlink: 'mailto:luis@x.org' }, { richText: [{ text: 'Lu' }, { text: 'is' }] }]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(looksLikeXlsx(buffer)).toBe(true);
    expect(await readSpreadsheet(buffer)).toEqual([
      { line: 1, cells: ['Correo', 'Nombre'] },
      { line: 2, cells: ['ana@x.org', '=CONCAT("A","na")'] },
      { line: 4, cells: ['luis@x.org', 'Luis'] },
    ]);
  });
});
