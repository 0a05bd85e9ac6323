import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { Database, OPEN_READONLY } from 'sqlite3';

export interface BackupResult {
  target: string;
  bytes: number;
  integrity: string;
}

function run(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve())));
}

function firstValue(db: Database, sql: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    db.get(sql, (error: Error | null, row: Record<string, unknown> | undefined) =>
      error ? reject(error) : resolve(row ? Object.values(row)[0] : undefined),
    ),
  );
}

function open(path: string, mode: number): Promise<Database> {
  return new Promise((resolve, reject) => {
    const db: Database = new Database(path, mode, (error: Error | null) => (error ? reject(error) : resolve(db)));
  });
}

const close = (db: Database) => new Promise<void>((resolve) => db.close(() => resolve()));

/**
 * A consistent copy of a live SQLite database: `VACUUM INTO` reads one snapshot
 * (a read transaction, so writers in WAL mode carry on) and writes a compact
 * file. The copy is written beside the target and renamed only after it passed
 * `PRAGMA integrity_check`, so a half-written backup never has the target's name.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`No database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = await open(source, OPEN_READONLY);
  try {
    // Wait for a writer that holds the lock briefly (as the app does) instead of failing at once.
    await run(db, 'PRAGMA busy_timeout = 30000');
    await run(db, 'VACUUM INTO ?', [partial]);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await close(db);
  }
  const copy = await open(partial, OPEN_READONLY);
  let integrity: string;
  try {
    integrity = String(await firstValue(copy, 'PRAGMA integrity_check'));
  } finally {
    await close(copy);
  }
  if (integrity !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`The copy failed the integrity check: ${integrity}`);
  }
  renameSync(partial, target);
  return { target, bytes: statSync(target).size, integrity };
}
