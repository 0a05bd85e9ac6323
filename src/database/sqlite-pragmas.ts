import { DataSource } from 'typeorm';

/**
 * Settings of the app's one SQLite connection (TypeORM's SQLite driver opens
 * exactly one, already in WAL mode with a busy timeout, see ormconfig.ts):
 *
 * - `synchronous = NORMAL`: in WAL mode a commit then writes the log without
 *   waiting for the disk (fsync happens at checkpoints). A crash of the app,
 *   or of the whole process, loses nothing: the log is in the operating
 *   system's hands once written. Only a power cut or kernel crash can lose the
 *   last commits before the next checkpoint, and the database stays
 *   consistent (never corrupt) even then. FULL, the default, waits for the
 *   disk on every commit, and a quiz submission commits several times.
 * - `temp_store = MEMORY`: sorts and temporary indexes stay off the disk.
 * - `cache_size = -8000`: an 8 MB page cache (2 MB by default), the hot pages
 *   of enrolments, progress and sessions stay in memory; small against the
 *   process's memory budget.
 *
 * PostgreSQL: untouched.
 */
export async function tuneSqlite(dataSource: DataSource): Promise<DataSource> {
  if (dataSource.options.type !== 'sqlite') return dataSource;
  await dataSource.query('PRAGMA synchronous = NORMAL');
  await dataSource.query('PRAGMA temp_store = MEMORY');
  await dataSource.query('PRAGMA cache_size = -8000');
  return dataSource;
}
