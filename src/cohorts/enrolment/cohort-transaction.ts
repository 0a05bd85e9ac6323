import { DataSource, EntityManager } from 'typeorm';
import { isPostgres } from '../../database/portable-columns';
import { Cohort } from '../entities/cohort.entity';

// On SQLite every transaction already takes its turn (src/database/sqlite-transactions.ts),
// which with SQLite's single writer makes "count seats, then insert" atomic.
// On PostgreSQL the cohort row lock below does that work.

/**
 * Runs `work` in a transaction holding the cohort's lock: PostgreSQL
 * `SELECT ... FOR UPDATE` on the cohort row (other enrolments in the same
 * cohort wait until commit); SQLite transactions run one at a time. `work` gets
 * the cohort as read under the lock, or null when it does not exist.
 */
export function withCohortLock<T>(
  dataSource: DataSource,
  cohortId: number,
  work: (manager: EntityManager, cohort: Cohort | null) => Promise<T>,
): Promise<T> {
  return withCohortLocks(dataSource, [cohortId], (manager, cohorts) => work(manager, cohorts.get(cohortId) ?? null));
}

/** Locks several cohorts (a move locks two), always in id order so two opposite moves cannot deadlock. */
export function withCohortLocks<T>(
  dataSource: DataSource,
  cohortIds: number[],
  work: (manager: EntityManager, cohorts: Map<number, Cohort>) => Promise<T>,
): Promise<T> {
  const ids = [...new Set(cohortIds)].sort((a, b) => a - b);
  return dataSource.transaction(async (manager) => {
    const cohorts = new Map<number, Cohort>();
    for (const id of ids) {
      const query = manager.getRepository(Cohort).createQueryBuilder('cohort').where('cohort.id = :id', { id });
      if (isPostgres(dataSource)) query.setLock('pessimistic_write');
      const cohort = await query.getOne();
      if (cohort) cohorts.set(id, cohort);
    }
    return work(manager, cohorts);
  });
}

/** The partial unique index UQ_enrolment_active_per_course refused a second active enrolment in one course. */
export function isActivePerCourseViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string; message?: string } }).driverError;
  const message = String(driverError?.message ?? (error as Error)?.message ?? '');
  if (driverError?.code === '23505') return driverError.constraint === 'UQ_enrolment_active_per_course';
  return /UNIQUE constraint failed: enrolment\.userId, enrolment\.courseId/.test(message);
}
