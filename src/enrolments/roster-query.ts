import { Repository, SelectQueryBuilder } from 'typeorm';
import { Enrolment } from './enrolment.entity';

/**
 * Which enrolments a roster or a summary covers. Statuses are the enrolment's
 * own (pending, declined and moved rows are never in a roster: a moved learner
 * appears once, in the cohort they moved to).
 */
export interface RosterQuery {
  courseId?: number;
  cohortId?: number;
  /** The cohort's country (an edition runs per country). */
  country?: string;
  /** The learner's institution code. */
  institution?: string;
  statuses: ('active' | 'withdrawn')[];
  /** true: completed only; false: not completed only; undefined: both. */
  completed?: boolean;
  /** The date the range applies to: enrolment or completion. */
  dateField: 'enrolled' | 'completed';
  from?: Date;
  /** Exclusive end. */
  until?: Date;
  /** Staff scope: only these cohort countries, or only these cohorts (facilitators). Undefined = no limit. */
  scopeCountries?: string[];
  scopeCohortIds?: number[];
}

function filtered(repository: Repository<Enrolment>, query: RosterQuery): SelectQueryBuilder<Enrolment> {
  const builder = repository.createQueryBuilder('enrolment').where('enrolment.status IN (:...statuses)', { statuses: query.statuses });
  if (query.courseId !== undefined) builder.andWhere('enrolment.courseId = :courseId', { courseId: query.courseId });
  if (query.cohortId !== undefined) builder.andWhere('enrolment.cohortId = :cohortId', { cohortId: query.cohortId });
  if (query.scopeCohortIds)
    builder.andWhere(query.scopeCohortIds.length ? 'enrolment.cohortId IN (:...scopeCohortIds)' : '1 = 0', {
      scopeCohortIds: query.scopeCohortIds,
    });
  if (query.country !== undefined || query.scopeCountries) {
    builder.innerJoin('enrolment.cohort', 'cohort');
    if (query.country !== undefined) builder.andWhere('cohort.country = :country', { country: query.country });
    if (query.scopeCountries)
      builder.andWhere(query.scopeCountries.length ? 'cohort.country IN (:...scopeCountries)' : '1 = 0', {
        scopeCountries: query.scopeCountries,
      });
  }
  if (query.institution !== undefined)
    builder.innerJoin('enrolment.user', 'user').andWhere('user.institution = :institution', { institution: query.institution });
  if (query.completed === true) builder.andWhere('enrolment.completedAt IS NOT NULL');
  if (query.completed === false) builder.andWhere('enrolment.completedAt IS NULL');
  const dateColumn = query.dateField === 'completed' ? 'enrolment.completedAt' : 'enrolment.createdAt';
  if (query.from) builder.andWhere(`${dateColumn} >= :from`, { from: query.from });
  if (query.until) builder.andWhere(`${dateColumn} < :until`, { until: query.until });
  return builder;
}

/** One page in id order after `afterId` (keyset pagination: page 1,000 costs what page 1 costs). */
export function rosterPage(repository: Repository<Enrolment>, query: RosterQuery, afterId: number, limit: number): Promise<Enrolment[]> {
  return filtered(repository, query).andWhere('enrolment.id > :afterId', { afterId }).orderBy('enrolment.id', 'ASC').limit(limit).getMany();
}

export function rosterCount(repository: Repository<Enrolment>, query: RosterQuery): Promise<number> {
  return filtered(repository, query).getCount();
}

/** Every enrolment of one learner, any status, oldest first (their own-data export). */
export function enrolmentsOfLearner(repository: Repository<Enrolment>, userId: number): Promise<Enrolment[]> {
  return repository.find({ where: { userId }, order: { id: 'ASC' } });
}
