import { DataSource, EntityManager } from 'typeorm';

type Turn = <T>(work: () => Promise<T>) => Promise<T>;
const turns = new WeakMap<DataSource, Turn>();

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
  const turn: Turn = <T>(work: () => Promise<T>) => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
  turns.set(dataSource, turn);
  manager.transaction = ((...args: unknown[]) => turn(() => original(...args))) as EntityManager['transaction'];
  return dataSource;
}

/**
 * Runs `work` (statements outside any transaction) between two transactions of
 * the queue above, so they never land inside another request's transaction on
 * the shared SQLite connection. Elsewhere it simply runs `work`.
 */
export function betweenSqliteTransactions<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const turn = turns.get(dataSource);
  return turn ? turn(work) : work();
}
