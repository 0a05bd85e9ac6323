/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula. Every cell we write to CSV or
 * XLSX goes through here: such text gets a leading single quote, so it is
 * shown as text and never executed (OWASP "CSV injection").
 */
export function protectCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type TypedCell = string | number | Date | null;

/**
 * For typed exports (XLSX cells, CSV columns of figures): numbers and dates the
 * platform computed stay numbers and dates (a knowledge gain of -5 is a number,
 * not a formula); any text, whoever typed it, goes through protectCell.
 */
export function protectTypedCell(value: unknown): TypedCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return protectCell(value);
}
