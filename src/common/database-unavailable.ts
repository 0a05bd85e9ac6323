/**
 * Whether an error means "the database cannot serve right now" (disk full,
 * read-only file, I/O error, lock held too long, server down or unreachable):
 * the site answers 503 (try again later) instead of 500, and recovers by
 * itself when the fault clears.
 */

// SQLite result codes (node-sqlite3 puts the primary code's name in `code`).
const SQLITE_CODES = new Set([
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
]);
// PostgreSQL SQLSTATE: 08xxx connection, 53xxx insufficient resources (53100 disk full), 57P0x shutdown, 58xxx system/IO,
// 25006 read-only transaction (a standby or default_transaction_read_only).
const POSTGRES_CODE = /^(08\w{3}|53\w{3}|57P0[1-4]|58\w{3}|25006)$/;
// Operating-system errors of the driver's socket or file.
const SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENOSPC',
  'EROFS',
  'EIO',
  'EDQUOT',
]);
// node-postgres reports a lost or refused connection by message only.
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|Cannot use a pool after calling end/i;

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const code = codeOf(error);
  if (code && (SQLITE_CODES.has(code) || POSTGRES_CODE.test(code) || SYSTEM_CODES.has(code))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); others chain with `cause`.
  const inner = error as { driverError?: unknown; cause?: unknown };
  return isDatabaseUnavailable(inner.driverError, depth + 1) || isDatabaseUnavailable(inner.cause, depth + 1);
}
