import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, IsNull, MoreThan, Not, Repository } from 'typeorm';
import { Enrolment, EnrolmentStatus } from './enrolment.entity';
import { activeEnrolmentWithCohort, currentEnrolmentsWithCohorts } from './enrolment-reads';
import { enrolmentsOfLearner, rosterCount, RosterLine, rosterLines, rosterPage, RosterQuery } from './roster-query';

/** Placeholders in one IN (...) list at most: well under every driver's limit. */
export const IN_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export interface CohortEnrolmentCounts {
  active: number;
  pending: number;
}

/** Progress that travels with a learner moved to another cohort of the same course. */
export type CarriedProgress = Pick<Enrolment, 'completedAt' | 'preTestScore' | 'postTestScore' | 'lastModuleKey' | 'lastActivityAt'>;

export function carriedProgress(enrolment: Enrolment): CarriedProgress {
  const { completedAt, preTestScore, postTestScore, lastModuleKey, lastActivityAt } = enrolment;
  return { completedAt, preTestScore, postTestScore, lastModuleKey, lastActivityAt };
}

/**
 * The enrolment table inside a caller's transaction (cohorts place learners
 * under the cohort lock): every read and write of enrolments in that
 * transaction goes through here.
 */
export class EnrolmentStore {
  private readonly repository: Repository<Enrolment>;

  constructor(manager: EntityManager) {
    this.repository = manager.getRepository(Enrolment);
  }

  /** The learner's latest row in the cohort, any status. */
  latestInCohort(userId: number, cohortId: number): Promise<Enrolment | null> {
    return this.repository.findOne({ where: { userId, cohortId }, order: { id: 'DESC' } });
  }

  activeCount(cohortId: number): Promise<number> {
    return this.repository.countBy({ cohortId, status: 'active' });
  }

  /** The learner's active enrolment in another cohort of the course, with that cohort. */
  activeElsewhere(userId: number, courseId: number, cohortId: number): Promise<Enrolment | null> {
    return this.repository.findOne({ where: { userId, courseId, status: 'active', cohortId: Not(cohortId) }, relations: { cohort: true } });
  }

  findWithStatus(id: number, status: EnrolmentStatus): Promise<Enrolment | null> {
    return this.repository.findOneBy({ id, status });
  }

  activeInCohortOrFail(userId: number, cohortId: number): Promise<Enrolment> {
    return this.repository.findOneByOrFail({ userId, cohortId, status: 'active' });
  }

  async update(id: number, changes: Partial<Pick<Enrolment, 'status'> & CarriedProgress>): Promise<void> {
    await this.repository.update({ id }, changes);
  }

  insert(values: Pick<Enrolment, 'userId' | 'courseId' | 'cohortId' | 'status'> & Partial<CarriedProgress>): Promise<Enrolment> {
    return this.repository.save(this.repository.create(values));
  }

  /** For a bulk plan: the users' rows in the cohort and their active rows in its course, with their cohorts. */
  async forUsersInCohortOrCourse(userIds: number[], cohortId: number, courseId: number): Promise<Enrolment[]> {
    const result: Enrolment[] = [];
    for (const ids of chunks(userIds)) {
      result.push(
        ...(await this.repository.find({
          where: [
            { userId: In(ids), cohortId },
            { userId: In(ids), courseId, status: 'active' },
          ],
          relations: { cohort: true },
          order: { id: 'ASC' },
        })),
      );
    }
    return result;
  }
}

export interface CohortLearnerFilter {
  q?: string;
  status?: EnrolmentStatus | 'all';
  page: number;
  pageSize: number;
}

/** The one owner of the enrolment table: learning, progress and cohorts read and write enrolments through here. */
@Injectable()
export class EnrolmentsService {
  constructor(@InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>) {}

  /** The same operations inside a transaction the caller holds. */
  within(manager: EntityManager): EnrolmentStore {
    return new EnrolmentStore(manager);
  }

  findById(id: number): Promise<Enrolment | null> {
    return this.enrolments.findOneBy({ id });
  }

  /** Enrolments by id, in a fixed number of queries (IN lists of at most 500). */
  async findByIds(ids: number[]): Promise<Enrolment[]> {
    const result: Enrolment[] = [];
    for (const part of chunks([...new Set(ids)])) result.push(...(await this.enrolments.findBy({ id: In(part) })));
    return result;
  }

  /** Completed enrolments (not pending or declined) with an id above `afterId`, in id order: for the certificates backfill. */
  completedAfter(afterId: number, limit: number): Promise<Enrolment[]> {
    return this.enrolments.find({
      where: { id: MoreThan(afterId), completedAt: Not(IsNull()), status: In(['active', 'withdrawn', 'moved']) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** The learner's active enrolment in the course (at most one, by a unique index). */
  activeFor(userId: number, courseId: number): Promise<Enrolment | null> {
    return this.enrolments.findOneBy({ userId, courseId, status: 'active' });
  }

  /** The same, with its cohort, in one statement (findOne with relations would add a DISTINCT query for the id). */
  activeWithCohort(userId: number, courseId: number): Promise<Enrolment | null> {
    return activeEnrolmentWithCohort(this.enrolments.manager.connection, userId, courseId);
  }

  /** "My courses": the learner's active and pending enrolments, newest first, with their cohorts (courses come from the content cache). */
  currentForLearner(userId: number): Promise<Enrolment[]> {
    return currentEnrolmentsWithCohorts(this.enrolments.manager.connection, userId);
  }

  /** The learner's rows in these cohorts, oldest first. */
  mineInCohorts(userId: number, cohortIds: number[]): Promise<Enrolment[]> {
    if (!cohortIds.length) return Promise.resolve([]);
    return this.enrolments.find({ where: { userId, cohortId: In(cohortIds) }, order: { id: 'ASC' } });
  }

  /** The learner's active or pending row in the cohort. */
  currentInCohort(userId: number, cohortId: number): Promise<Enrolment | null> {
    return this.enrolments.findOne({ where: { userId, cohortId, status: In(['active', 'pending']) } });
  }

  isActiveInCohort(userId: number, cohortId: number): Promise<boolean> {
    return this.enrolments.existsBy({ userId, cohortId, status: 'active' });
  }

  /** An enrolment by id, only inside the given cohort and while that cohort is not archived. */
  findInOpenCohort(id: number, cohortId: number): Promise<Enrolment | null> {
    return this.enrolments.findOne({ where: { id, cohortId, cohort: { archivedAt: IsNull() } }, relations: { cohort: true } });
  }

  countInCohort(cohortId: number): Promise<number> {
    return this.enrolments.countBy({ cohortId });
  }

  /** Active and pending enrolments per cohort, in one grouped query. */
  async countsByCohort(cohortIds: number[]): Promise<Map<number, CohortEnrolmentCounts>> {
    const result = new Map<number, CohortEnrolmentCounts>();
    if (!cohortIds.length) return result;
    const rows = await this.enrolments
      .createQueryBuilder('enrolment')
      .select('enrolment.cohortId', 'cohortId')
      .addSelect('enrolment.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('enrolment.cohortId IN (:...cohortIds)', { cohortIds })
      .andWhere("enrolment.status IN ('active', 'pending')")
      .groupBy('enrolment.cohortId')
      .addGroupBy('enrolment.status')
      .getRawMany<{ cohortId: number | string; status: string; count: number | string }>();
    for (const row of rows) {
      const counts = result.get(Number(row.cohortId)) ?? { active: 0, pending: 0 };
      if (row.status === 'active') counts.active = Number(row.count);
      else counts.pending = Number(row.count);
      result.set(Number(row.cohortId), counts);
    }
    return result;
  }

  /** One page of a cohort's enrolments with their users, by name, optionally filtered by status and a name/email search. */
  pageInCohort(cohortId: number, filter: CohortLearnerFilter): Promise<[Enrolment[], number]> {
    const query = this.enrolments
      .createQueryBuilder('enrolment')
      .innerJoinAndSelect('enrolment.user', 'user')
      .where('enrolment.cohortId = :cohortId', { cohortId })
      .orderBy('user.name', 'ASC')
      .addOrderBy('enrolment.id', 'ASC');
    const status = filter.status ?? 'active';
    if (status !== 'all') query.andWhere('enrolment.status = :status', { status });
    if (filter.q?.trim()) {
      const term = `%${filter.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((where) =>
          where.where("LOWER(user.name) LIKE :term ESCAPE '\\'", { term }).orWhere("LOWER(user.email) LIKE :term ESCAPE '\\'", { term }),
        ),
      );
    }
    // offset/limit, not skip/take: the join is many-to-one, so no separate DISTINCT query for the page's ids.
    return query
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getManyAndCount();
  }

  /** Reports: one keyset page of the enrolments a roster or summary covers, in id order after `afterId`. */
  rosterPage(query: RosterQuery, afterId: number, limit: number): Promise<Enrolment[]> {
    return rosterPage(this.enrolments, query, afterId, limit);
  }

  /** Roster exports: the same page as plain lines with the learner's fields and the cohort's name, in one statement. */
  rosterLines(query: RosterQuery, afterId: number, limit: number): Promise<RosterLine[]> {
    return rosterLines(this.enrolments, query, afterId, limit);
  }

  rosterCount(query: RosterQuery): Promise<number> {
    return rosterCount(this.enrolments, query);
  }

  /** Every enrolment of one learner, any status, oldest first (their own-data export). */
  allForLearner(userId: number): Promise<Enrolment[]> {
    return enrolmentsOfLearner(this.enrolments, userId);
  }

  /** Changes the status, only if it still is `from` when given. Returns whether a row changed. */
  async setStatus(id: number, status: EnrolmentStatus, from?: EnrolmentStatus): Promise<boolean> {
    const result = await this.enrolments.update(from ? { id, status: from } : { id }, { status });
    return (result.affected ?? 0) > 0;
  }

  async extendAccess(id: number, until: Date | null): Promise<void> {
    await this.enrolments.update({ id }, { accessExtendedUntil: until });
  }

  /** Where the learner last acted and when (for "continue" and for reports). */
  async recordActivity(id: number, at: Date, moduleKey: string | null): Promise<void> {
    await this.enrolments.update({ id }, moduleKey ? { lastModuleKey: moduleKey, lastActivityAt: at } : { lastActivityAt: at });
  }

  /** Copies the pre/post-test scores onto the enrolment (for reports). */
  async recordScores(id: number, preTestScore: number | null, postTestScore: number | null): Promise<void> {
    await this.enrolments.update({ id }, { preTestScore, postTestScore });
  }

  /** Sets completedAt once: of two requests finishing at once, exactly one gets true. */
  async markCompleted(id: number, at: Date): Promise<boolean> {
    const result = await this.enrolments.update({ id, completedAt: IsNull() }, { completedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Seeds the demo: an active enrolment unless the learner already has one in the course. */
  async ensureDemoEnrolment(userId: number, courseId: number, cohortId: number): Promise<void> {
    if (await this.enrolments.existsBy({ userId, courseId })) return;
    await this.enrolments.insert({ userId, courseId, cohortId, status: 'active' });
  }
}
