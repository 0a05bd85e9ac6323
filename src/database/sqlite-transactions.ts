import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';

type Turn = <T>(work: () => Promise<T>) => Promise<T>;
const turns = new WeakMap<DataSource, Turn>();

/** EntityManager methods that wrap their statements in a transaction of their own (TypeORM's persist executor). */
const PERSIST_METHODS = ['save', 'remove', 'softRemove', 'recover'] as const;

/**
 * TypeORM's SQLite driver runs every query on ONE connection: two transactions
 * started at once would interleave on it (the second becomes a savepoint of the
 * first, or runs its statements inside the first, and a rollback of one undoes
 * the other; a burst of `save()` calls ends in "cannot commit - no transaction is
 * active"). On SQLite, every transaction therefore takes its turn through one
 * in-process queue per DataSource: `dataSource.transaction(...)` and the
 * implicit transaction of `save()`/`remove()` on the shared manager. Together
 * with SQLite's single writer this makes each of them atomic and isolated.
 * Work already running in a turn (a save inside a transaction's callback) runs at
 * once inside it instead of waiting for itself (TypeORM makes it a savepoint or joins it). PostgreSQL has a pool and real
 * isolation: untouched.
 */
export function serialiseSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'sqlite') return dataSource;
  const manager = dataSource.manager;
  // The store is the running turn; work it started that outlives it (a listener fired and not awaited) sees it ended.
  const holdingTurn = new AsyncLocalStorage<{ running: boolean }>();
  let tail: Promise<unknown> = Promise.resolve();
  const turn: Turn = <T>(work: () => Promise<T>) => {
    if (holdingTurn.getStore()?.running) return work();
    const inTurn = async () => {
      const current = { running: true };
      try {
        return await holdingTurn.run(current, work);
      } finally {
        current.running = false;
      }
    };
    const result = tail.then(inTurn, inTurn);
    tail = result.catch(() => undefined);
    return result;
  };
  turns.set(dataSource, turn);
  // The overloads of these EntityManager methods cannot be re-declared one by one; forward the arguments as they came.
  const methods = manager as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['transaction', ...PERSIST_METHODS]) {
    const original = methods[name].bind(manager);
    methods[name] = (...args: unknown[]) => turn(() => original(...args));
  }
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
