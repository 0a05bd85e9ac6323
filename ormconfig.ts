import 'reflect-metadata';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig, loadConfig } from './src/config/app-config';

const sourceDir = join(__dirname, 'src');

/**
 * The sqlite3 module as TypeORM's driver, minus its "verbose" mode: TypeORM calls `verbose()` on whatever driver it
 * gets, which wraps every call with `new Error()` (a stack trace) and `util.inspect` of the SQL and parameters, for
 * longer stack traces in errors. That was a tenth of a signed-in page view's time. Errors still carry the query and
 * its parameters (TypeORM's QueryFailedError).
 */
const quietSqlite3: unknown = Object.assign(Object.create(sqlite3) as object, { verbose: () => sqlite3 });

/** Options shared by the app, the TypeORM CLI and the tests: migrations only, never synchronize. */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: [join(sourceDir, '**', '*.entity.{ts,js}')],
    migrations: [join(sourceDir, 'database', 'migrations', '*.{ts,js}')],
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (database.kind === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, extra: { max: 10 } };
  }
  // WAL lets readers and one writer work at once; the busy timeout makes a second writer wait instead of failing.
  return { ...common, type: 'sqlite', database: database.path, enableWAL: true, busyTimeout: 10_000, driver: quietSqlite3 };
}

export default new DataSource(buildDataSourceOptions(loadConfig(process.env).database));
