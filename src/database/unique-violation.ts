/**
 * A unique index of `table` refused the row: PostgreSQL's 23505 on that table, or
 * SQLite's "UNIQUE constraint failed: table.column". Used where two requests may
 * race to insert the same row and the loser deserves a plain answer, not a 500.
 */
export function isUniqueViolation(error: unknown, table: string): boolean {
  const driverError = (error as { driverError?: { code?: string; table?: string; message?: string } } | null)?.driverError;
  if (!driverError) return false;
  if (driverError.code === '23505') return driverError.table === table;
  return String(driverError.message ?? '').includes(`UNIQUE constraint failed: ${table}.`);
}
