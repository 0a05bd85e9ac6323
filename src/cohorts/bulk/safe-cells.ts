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
