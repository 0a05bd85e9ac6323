import { randomInt } from 'node:crypto';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { FormError } from '../common/errors';
import { PublishedContentService } from '../content/published-content.service';
import { CohortEnrolmentCounts, EnrolmentsService } from '../enrolments/enrolments.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { cohortColumnsFrom, CohortFormValues, keyForCopy, nameForCountry } from './cohort-form';
import { CohortNotFoundError } from './cohort-errors';
import { countryLabels } from './cohort-labels';
import { CohortFacilitator } from './entities/cohort-facilitator.entity';
import { Cohort } from './entities/cohort.entity';

export const COHORTS_PAGE_SIZE = 25;

export type Actor = Pick<User, 'id' | 'role'>;

export type CohortCounts = CohortEnrolmentCounts;

export interface CohortListFilter {
  q?: string;
  country?: string;
  show?: 'current' | 'archived' | 'all';
  page?: number;
}

export function managesCohorts(actor: Actor): boolean {
  return actor.role === 'coordinator' || actor.role === 'admin';
}

/** Cohorts as staff see them: coordinators and admins all of them, facilitators only those they are assigned to. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    @InjectRepository(CohortFacilitator) private readonly facilitators: Repository<CohortFacilitator>,
    private readonly content: PublishedContentService,
    private readonly users: UsersService,
    private readonly enrolments: EnrolmentsService,
    private readonly clock: Clock,
  ) {}

  /** The access check every staff route starts with: a 404 for missing and not-yours alike. */
  async accessible(actor: Actor, cohortId: number): Promise<Cohort> {
    if (!Number.isInteger(cohortId)) throw new CohortNotFoundError();
    const cohort = await this.cohorts.findOneBy({ id: cohortId });
    const course = cohort ? await this.content.courseById(cohort.courseId) : null;
    if (!cohort || !course || !(await this.mayAccess(actor, cohortId))) throw new CohortNotFoundError();
    // The course comes from the published-content cache, not from a join.
    cohort.course = course;
    return cohort;
  }

  async mayAccess(actor: Actor, cohortId: number): Promise<boolean> {
    if (managesCohorts(actor)) return true;
    if (actor.role !== 'facilitator') return false;
    return this.facilitators.existsBy({ cohortId, userId: actor.id });
  }

  /** The cohorts a facilitator is assigned to (reports are limited to them). */
  async facilitatedCohortIds(userId: number): Promise<number[]> {
    return (await this.facilitators.findBy({ userId })).map((link) => link.cohortId);
  }

  /** Cohorts with their course, by id, in IN lists of at most 500. */
  async findByIds(ids: number[]): Promise<Cohort[]> {
    const unique = [...new Set(ids)];
    const result: Cohort[] = [];
    for (let i = 0; i < unique.length; i += 500)
      result.push(...(await this.cohorts.find({ where: { id: In(unique.slice(i, i + 500)) }, relations: { course: true } })));
    return result;
  }

  /** Every cohort (with its course) a report may cover: all, those of some countries, or some cohorts; newest first. */
  inScope(scope: { countries?: string[]; cohortIds?: number[] }): Promise<Cohort[]> {
    const where = scope.cohortIds ? { id: In(scope.cohortIds) } : scope.countries ? { country: In(scope.countries) } : {};
    return this.cohorts.find({ where, relations: { course: true }, order: { startsAt: 'DESC', name: 'ASC', id: 'ASC' } });
  }

  assertManager(actor: Actor): void {
    if (!managesCohorts(actor)) throw new ForbiddenException('cohorts.errors.coordinatorsOnly');
  }

  async list(actor: Actor, filter: CohortListFilter) {
    const page = Math.max(1, filter.page ?? 1);
    const query = this.cohorts
      .createQueryBuilder('cohort')
      .leftJoinAndSelect('cohort.course', 'course')
      .orderBy('cohort.startsAt', 'DESC')
      .addOrderBy('cohort.name', 'ASC')
      .addOrderBy('cohort.id', 'ASC');
    if (!managesCohorts(actor)) {
      query.innerJoin(CohortFacilitator, 'mine', 'mine.cohortId = cohort.id AND mine.userId = :actorId', { actorId: actor.id });
    }
    const show = filter.show ?? 'current';
    if (show === 'current') query.andWhere('cohort.archivedAt IS NULL');
    if (show === 'archived') query.andWhere('cohort.archivedAt IS NOT NULL');
    if (filter.country) query.andWhere('cohort.country = :country', { country: filter.country });
    if (filter.q?.trim()) {
      const term = `%${filter.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere("LOWER(cohort.name) LIKE :term ESCAPE '\\'", { term });
    }
    const [items, total] = await query
      .skip((page - 1) * COHORTS_PAGE_SIZE)
      .take(COHORTS_PAGE_SIZE)
      .getManyAndCount();
    const counts = await this.counts(items.map((cohort) => cohort.id));
    return {
      items: items.map((cohort) => ({ cohort, counts: counts.get(cohort.id) ?? { active: 0, pending: 0 } })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / COHORTS_PAGE_SIZE)),
    };
  }

  /** Active and pending enrolments per cohort, in one grouped query. */
  counts(cohortIds: number[]): Promise<Map<number, CohortCounts>> {
    return this.enrolments.countsByCohort(cohortIds);
  }

  findById(cohortId: number): Promise<Cohort | null> {
    return this.cohorts.findOneBy({ id: cohortId });
  }

  /** Whether the user facilitates a cohort of the course. */
  facilitatesCourse(userId: number, courseId: number): Promise<boolean> {
    return this.facilitators
      .createQueryBuilder('assignment')
      .innerJoin(Cohort, 'cohort', 'cohort.id = assignment.cohortId')
      .where('assignment.userId = :userId', { userId })
      .andWhere('cohort.courseId = :courseId', { courseId })
      .getExists();
  }

  /** Cohorts a learner could ask to join now, per course: not archived, not over, enrolment window open, not invitation-only. */
  async openCohortCounts(courseIds: number[]): Promise<Map<number, number>> {
    if (courseIds.length === 0) return new Map();
    const now = this.clock.now();
    const rows = await this.cohorts
      .createQueryBuilder('cohort')
      .select('cohort.courseId', 'courseId')
      .addSelect('COUNT(*)', 'count')
      .where({ courseId: In(courseIds) })
      .andWhere('cohort.archivedAt IS NULL')
      .andWhere('cohort.endsAt > :now', { now })
      .andWhere("cohort.enrolmentMode <> 'invitation'")
      .andWhere(new Brackets((where) => where.where('cohort.enrolmentOpensAt IS NULL').orWhere('cohort.enrolmentOpensAt <= :now', { now })))
      .andWhere(
        new Brackets((where) => where.where('cohort.enrolmentClosesAt IS NULL').orWhere('cohort.enrolmentClosesAt > :now', { now })),
      )
      .groupBy('cohort.courseId')
      .getRawMany<{ courseId: number; count: string | number }>();
    return new Map(rows.map((row) => [Number(row.courseId), Number(row.count)]));
  }

  async detail(actor: Actor, cohortId: number) {
    const cohort = await this.accessible(actor, cohortId);
    const facilitators = await this.facilitatorsOf(cohortId);
    const counts = (await this.counts([cohortId])).get(cohortId) ?? { active: 0, pending: 0 };
    return { cohort, facilitators, counts };
  }

  async facilitatorsOf(cohortId: number): Promise<User[]> {
    const links = await this.facilitators.find({ where: { cohortId }, relations: { user: true } });
    return links.map((link) => link.user).sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  /** The choices the cohort form offers. */
  async formOptions() {
    const courses = await this.content.allCourses();
    const facilitators = await this.users.withRole('facilitator');
    return { courses, facilitators };
  }

  async create(actor: Actor, values: CohortFormValues): Promise<Cohort> {
    this.assertManager(actor);
    const columns = await this.checkedColumns(values, null);
    const cohort = await this.cohorts.save(this.cohorts.create({ ...columns, archivedAt: null }));
    await this.assignFacilitators(cohort.id, values.facilitatorIds ?? []);
    return cohort;
  }

  async update(actor: Actor, cohortId: number, values: CohortFormValues): Promise<Cohort> {
    this.assertManager(actor);
    const cohort = await this.accessible(actor, cohortId);
    const columns = await this.checkedColumns(values, cohort);
    await this.cohorts.update({ id: cohortId }, columns);
    await this.assignFacilitators(cohortId, values.facilitatorIds ?? []);
    return this.cohorts.findOneByOrFail({ id: cohortId });
  }

  /** Archiving hides the cohort from learners and stops enrolment; every record stays. */
  async setArchived(actor: Actor, cohortId: number, archived: boolean): Promise<Cohort> {
    this.assertManager(actor);
    const cohort = await this.accessible(actor, cohortId);
    const archivedAt = archived ? this.clock.now() : null;
    await this.cohorts.update({ id: cohortId }, { archivedAt });
    return { ...cohort, archivedAt };
  }

  /** The same edition in other countries: same course, dates, window, capacity and mode; each country adds its own facilitators. */
  async duplicate(actor: Actor, cohortId: number, countries: string[]): Promise<Cohort[]> {
    this.assertManager(actor);
    if (!countries.length) throw FormError.field('countries', 'cohorts.duplicate.chooseCountry');
    const source = await this.accessible(actor, cohortId);
    const copies: Cohort[] = [];
    for (const country of [...new Set(countries)]) {
      const { id: _id, createdAt: _c, updatedAt: _u, course: _course, ...columns } = source;
      copies.push(
        await this.cohorts.save(
          this.cohorts.create({
            ...columns,
            country,
            archivedAt: null,
            name: nameForCountry(source.name, countryLabels(source.country), countryLabels(country)[0]),
            // Two cohorts never share a key: each copy gets its own, shown on its page and in the confirmation.
            enrolmentKey: keyForCopy(source.enrolmentKey, source.country, country, (n) => randomInt(0, n)),
          }),
        ),
      );
    }
    return copies;
  }

  private async checkedColumns(values: CohortFormValues, existing: Cohort | null) {
    const result = cohortColumnsFrom(values);
    if ('errors' in result) throw new FormError(result.errors);
    const { columns } = result;
    if (!(await this.content.courseExists(columns.courseId))) throw FormError.field('courseId', 'validation.isIn');
    const ids = values.facilitatorIds ?? [];
    if (ids.length && (await this.users.countWithRole(ids, 'facilitator')) !== new Set(ids).size) {
      throw FormError.field('facilitatorIds', 'cohorts.form.unknownFacilitator');
    }
    if (existing) {
      const enrolled = await this.enrolments.countInCohort(existing.id);
      if (enrolled && columns.courseId !== existing.courseId) throw FormError.field('courseId', 'cohorts.form.courseLocked');
      const active = (await this.counts([existing.id])).get(existing.id)?.active ?? 0;
      if (columns.capacity !== null && columns.capacity < active) {
        throw FormError.field('capacity', 'cohorts.form.capacityBelowEnrolled', { count: active });
      }
    }
    return columns;
  }

  private async assignFacilitators(cohortId: number, userIds: number[]): Promise<void> {
    await this.facilitators.delete({ cohortId });
    if (userIds.length) await this.facilitators.insert([...new Set(userIds)].map((userId) => ({ cohortId, userId })));
  }
}
