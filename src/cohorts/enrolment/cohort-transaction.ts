import { DataSource, EntityManager } from 'typeorm';
import { Cohort } from '../entities/cohort.entity';

/**
 * TypeORM's SQLite driver runs everything on ONE connection: two transactions
 * started at once would interleave on it (the second becomes a savepoint of the
 * first). So on SQLite the transactions of this feature take turns through an
 * in-process queue, which together with SQLite's single writer makes
 * "count seats, then insert" atomic. SQLite is the single-instance setup;
 * several instances need PostgreSQL, where the cohort row lock does the work.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

function serialised<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const result = previous.then(work, work);
  queues.set(dataSource, result.catch(() => undefined));
  return result;
}

export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === 'postgres';
}

/**
 * Runs `work` in a transaction holding the cohort's lock: PostgreSQL
 * `SELECT ... FOR UPDATE` on the cohort row (other enrolments in the same
 * cohort wait until commit), SQLite the queue above. `work` gets the cohort as
 * read under the lock, or null when it does not exist.
 */
export function withCohortLock<T>(dataSource: DataSource, cohortId: number, work: (manager: EntityManager, cohort: Cohort | null) => Promise<T>): Promise<T> {
  const run = () =>
    dataSource.transaction(async (manager) => {
      const query = manager.getRepository(Cohort).createQueryBuilder('cohort').where('cohort.id = :cohortId', { cohortId });
      if (isPostgres(dataSource)) query.setLock('pessimistic_write');
      return work(manager, await query.getOne());
    });
  return isPostgres(dataSource) ? run() : serialised(dataSource, run);
}

/** Moves lock two cohorts; always in id order so two opposite moves cannot deadlock. */
export function withCohortLocks<T>(dataSource: DataSource, cohortIds: [number, number], work: (manager: EntityManager, cohorts: Map<number, Cohort>) => Promise<T>): Promise<T> {
  const ids = [...new Set(cohortIds)].sort((a, b) => a - b);
  const run = () =>
    dataSource.transaction(async (manager) => {
      const cohorts = new Map<number, Cohort>();
      for (const id of ids) {
        const query = manager.getRepository(Cohort).createQueryBuilder('cohort').where('cohort.id = :id', { id });
        if (isPostgres(dataSource)) query.setLock('pessimistic_write');
        const cohort = await query.getOne();
        if (cohort) cohorts.set(id, cohort);
      }
      return work(manager, cohorts);
    });
  return isPostgres(dataSource) ? run() : serialised(dataSource, run);
}

/** The partial unique index UQ_enrolment_active_per_course refused a second active enrolment in one course. */
export function isActivePerCourseViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string; message?: string } }).driverError;
  const message = String(driverError?.message ?? (error as Error)?.message ?? '');
  if (driverError?.code === '23505') return driverError.constraint === 'UQ_enrolment_active_per_course';
  return /UNIQUE constraint failed: enrolment\.userId, enrolment\.courseId/.test(message);
}
