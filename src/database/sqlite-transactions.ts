import { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's SQLite driver runs every query on ONE connection: two transactions
 * started at once would interleave on it (the second becomes a savepoint of the
 * first, and a rollback of one undoes the other). On SQLite, transactions
 * therefore take turns through one in-process queue per DataSource. Together
 * with SQLite's single writer this makes every `dataSource.transaction(...)`
 * atomic and isolated. PostgreSQL has a pool and real isolation: untouched.
 */
export function serialiseSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'sqlite') return dataSource;
  const manager = dataSource.manager;
  // The overloads of EntityManager.transaction cannot be re-declared one by one; forward the arguments as they came.
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = () => original(...args);
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }) as EntityManager['transaction'];
  return dataSource;
}
