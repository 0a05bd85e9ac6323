import type { Database } from 'sqlite3';
import { DataSource } from 'typeorm';
import { betweenSqliteTransactions } from '../database/sqlite-transactions';

type Callback = (this: unknown, error: Error | null, row?: unknown) => void;

const SAVEPOINT_STATEMENT = /^\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b/i;

/**
 * The `sqlite3` Database of TypeORM's SQLite driver, handed to
 * RateLimiterSQLite with three adjustments for the ONE connection TypeORM
 * shares between all requests:
 * - the library wraps its single `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
 *   in a SAVEPOINT; outside a transaction a savepoint opens one, and another
 *   request's `BEGIN TRANSACTION` arriving meanwhile would fail. One statement
 *   is atomic in SQLite by itself, so the savepoint statements are skipped;
 * - each statement runs between two transactions of the DataSource's queue
 *   (src/database/sqlite-transactions.ts), in autocommit, so a count never
 *   lands inside another request's `dataSource.transaction(...)` and never
 *   disappears with its rollback (TypeORM's own short BEGIN/COMMIT around a
 *   single save() may still hold it, like any other write on the connection);
 *   as its own one-statement transaction it takes the write lock at once
 *   (waiting out the busy timeout) instead of failing on a stale snapshot;
 * - the upsert runs to completion in one call (see `get` below).
 */
export function sqliteStoreClient(dataSource: DataSource): Pick<Database, 'run' | 'get' | 'serialize'> {
  const database = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  const inTurn = (statement: (done: () => void) => void) => {
    void betweenSqliteTransactions(dataSource, () => new Promise<void>((resolve) => statement(resolve)));
  };
  const client = {
    serialize(callback?: () => void): void {
      callback?.();
    },
    run(sql: string, ...rest: unknown[]): unknown {
      const callback = rest.pop() as Callback;
      const params = (rest[0] ?? []) as unknown[];
      if (SAVEPOINT_STATEMENT.test(sql)) {
        setImmediate(() => callback.call({ changes: 0 }, null));
        return client;
      }
      inTurn((done) => {
        database.run(sql, params, function (this: unknown, error: Error | null) {
          done();
          callback.call(this, error);
        });
      });
      return client;
    },
    get(sql: string, params: unknown[], callback: Callback): unknown {
      inTurn((done) => {
        // all(), not get(): get() leaves an INSERT ... RETURNING statement open until finalised, and another
        // request's COMMIT on the shared connection would fail meanwhile ("SQL statements in progress").
        database.all(sql, params, (error: Error | null, rows: unknown[] | undefined) => {
          done();
          callback.call(undefined, error, rows?.[0]);
        });
      });
      return client;
    },
  };
  return client as unknown as Pick<Database, 'run' | 'get' | 'serialize'>;
}
