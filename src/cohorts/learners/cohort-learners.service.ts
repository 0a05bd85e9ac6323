import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Enrolment, EnrolmentStatus } from '../../enrolments/enrolment.entity';
import { carriedProgress, EnrolmentsService } from '../../enrolments/enrolments.service';
import { ProgressService } from '../../progress/progress.service';
import { CohortNotFoundError } from '../cohort-errors';
import { Actor, CohortsService, managesCohorts } from '../cohorts.service';
import { CohortFacilitator } from '../entities/cohort-facilitator.entity';
import { Cohort } from '../entities/cohort.entity';
import { withCohortLocks } from '../enrolment/cohort-transaction';
import { EnrolmentRefusedError } from '../enrolment/enrolment-errors';
import { EnrolmentPlacement } from '../enrolment/enrolment-placement';
import { placeUnderLock } from '../enrolment/cohort-enrolments.service';
import { staffProgress } from './learner-progress';

export const LEARNERS_PAGE_SIZE = 25;
export const LEARNER_STATUSES: EnrolmentStatus[] = ['active', 'pending', 'withdrawn', 'moved', 'declined'];

export interface LearnerFilter {
  q?: string;
  status?: EnrolmentStatus | 'all';
  page?: number;
}

/** What facilitators do with the people in their cohorts. Every method starts with the cohort access check. */
@Injectable()
export class CohortLearnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentsService,
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly cohortsService: CohortsService,
    private readonly placement: EnrolmentPlacement,
    private readonly progress: ProgressService,
  ) {}

  async list(actor: Actor, cohortId: number, filter: LearnerFilter) {
    const cohort = await this.cohortsService.accessible(actor, cohortId);
    const page = Math.max(1, filter.page ?? 1);
    const [items, total] = await this.enrolments.pageInCohort(cohortId, {
      q: filter.q,
      status: filter.status ?? 'active',
      page,
      pageSize: LEARNERS_PAGE_SIZE,
    });
    const summaries = await this.progress.summariesForEnrolmentRows(items);
    return {
      cohort,
      items: items.map((enrolment) => ({ enrolment, user: enrolment.user, progress: staffProgress(summaries.get(enrolment.id)) })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / LEARNERS_PAGE_SIZE)),
      moveTargets: await this.moveTargets(actor, cohort),
    };
  }

  /** Other current cohorts of the same course that this person may also manage. */
  async moveTargets(actor: Actor, cohort: Cohort): Promise<Cohort[]> {
    const query = this.cohorts
      .createQueryBuilder('cohort')
      .where('cohort.courseId = :courseId', { courseId: cohort.courseId })
      .andWhere('cohort.id != :id', { id: cohort.id })
      .andWhere('cohort.archivedAt IS NULL')
      .orderBy('cohort.name', 'ASC');
    if (!managesCohorts(actor)) {
      query.innerJoin(CohortFacilitator, 'mine', 'mine.cohortId = cohort.id AND mine.userId = :actorId', { actorId: actor.id });
    }
    return query.getMany();
  }

  async requests(actor: Actor, cohortId: number, page = 1) {
    return this.list(actor, cohortId, { status: 'pending', page });
  }

  async approve(actor: Actor, cohortId: number, enrolmentId: number): Promise<Enrolment> {
    const enrolment = await this.enrolmentIn(actor, cohortId, enrolmentId, ['pending']);
    return placeUnderLock(this.dataSource, cohortId, async (manager, cohort) => {
      const current = await this.enrolments.within(manager).findWithStatus(enrolment.id, 'pending');
      if (!current) return { ok: false, reason: 'notPending' };
      return this.placement.place(manager, cohort, enrolment.userId, { route: 'staff' });
    });
  }

  async decline(actor: Actor, cohortId: number, enrolmentId: number): Promise<Enrolment> {
    const enrolment = await this.enrolmentIn(actor, cohortId, enrolmentId, ['pending']);
    await this.enrolments.setStatus(enrolment.id, 'declined', 'pending');
    return enrolment;
  }

  /** The learner leaves the cohort; the record, progress and attempts stay. */
  async withdraw(actor: Actor, cohortId: number, enrolmentId: number): Promise<Enrolment> {
    const enrolment = await this.enrolmentIn(actor, cohortId, enrolmentId, ['active', 'pending']);
    await this.enrolments.setStatus(enrolment.id, 'withdrawn');
    return enrolment;
  }

  /** Lets one learner keep attempting quizzes after the cohort ends, until the given moment (null removes it). */
  async extendAccess(actor: Actor, cohortId: number, enrolmentId: number, until: Date | null): Promise<Enrolment> {
    const enrolment = await this.enrolmentIn(actor, cohortId, enrolmentId, ['active']);
    await this.enrolments.extendAccess(enrolment.id, until);
    return { ...enrolment, accessExtendedUntil: until };
  }

  /**
   * Moves an active learner to another cohort of the same course: the old
   * enrolment becomes 'moved', the new one is active and carries what the
   * learner achieved. Progress and attempts are keyed by learner and course,
   * so they simply stay. The actor must be allowed in both cohorts.
   */
  async move(
    actor: Actor,
    cohortId: number,
    enrolmentId: number,
    targetCohortId: number,
  ): Promise<{ enrolment: Enrolment; target: Cohort }> {
    const enrolment = await this.enrolmentIn(actor, cohortId, enrolmentId, ['active']);
    const target = await this.cohortsService.accessible(actor, targetCohortId);
    if (target.id === cohortId) throw new EnrolmentRefusedError('sameCohort');
    if (target.courseId !== enrolment.courseId) throw new EnrolmentRefusedError('otherCourse');
    const moved = await withCohortLocks(this.dataSource, [cohortId, target.id], async (manager, locked) => {
      const store = this.enrolments.within(manager);
      const current = await store.findWithStatus(enrolment.id, 'active');
      const lockedTarget = locked.get(target.id);
      if (!current || !lockedTarget) throw new NotFoundException();
      // The old row stops being active first, or the one-active-per-course index would refuse the new one.
      await store.update(current.id, { status: 'moved' });
      const placed = await this.placement.place(manager, lockedTarget, current.userId, { route: 'staff', carry: carriedProgress(current) });
      // Throwing rolls the whole move back, so a refused move leaves the learner where they were.
      if (!placed.ok) throw new EnrolmentRefusedError(placed.reason, placed.params);
      return placed.enrolment;
    });
    return { enrolment: moved, target };
  }

  /** An enrolment by id, but only inside the given cohort: another cohort's id in the URL or the form is a 404. */
  private async enrolmentIn(actor: Actor, cohortId: number, enrolmentId: number, statuses: EnrolmentStatus[]): Promise<Enrolment> {
    await this.cohortsService.accessible(actor, cohortId);
    const enrolment = Number.isInteger(enrolmentId) ? await this.enrolments.findInOpenCohort(enrolmentId, cohortId) : null;
    if (!enrolment) throw new CohortNotFoundError();
    if (!statuses.includes(enrolment.status)) throw new EnrolmentRefusedError('notPending');
    return enrolment;
  }
}
