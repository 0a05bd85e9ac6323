import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { Course } from '../../content/entities/course.entity';
import { PublishedContentService } from '../../content/published-content.service';
import { Enrolment } from '../../enrolments/enrolment.entity';
import { EnrolmentsService } from '../../enrolments/enrolments.service';
import { User } from '../../users/user.entity';
import { CohortNotFoundError } from '../cohort-errors';
import { CohortsService } from '../cohorts.service';
import { Cohort } from '../entities/cohort.entity';
import { withCohortLock, isActivePerCourseViolation } from './cohort-transaction';
import { EnrolmentRefusedError } from './enrolment-errors';
import { EnrolmentPlacement, Placement } from './enrolment-placement';
import { checkEligibility, RefusalReason, seatsLeft } from './enrolment-rules';

export interface CohortOffer {
  cohort: Cohort;
  seatsLeft: number | null;
  /** The learner's own enrolment in this cohort, if any (any status). */
  enrolment: Enrolment | null;
  /** Why the learner cannot enrol right now, or null when the form is offered. */
  blockedBy: RefusalReason | null;
}

/** Runs a placement under the cohort lock; turns a refusal or the one-active-per-course index into a typed error. */
export async function placeUnderLock(
  dataSource: DataSource,
  cohortId: number,
  work: (manager: EntityManager, cohort: Cohort) => Promise<Placement>,
): Promise<Enrolment> {
  let placement: Placement;
  try {
    placement = await withCohortLock(dataSource, cohortId, async (manager, cohort) => {
      if (!cohort) throw new CohortNotFoundError();
      return work(manager, cohort);
    });
  } catch (error) {
    // Two enrolments of one learner in one course raced past the check: the database kept only one.
    if (isActivePerCourseViolation(error)) throw new EnrolmentRefusedError('activeInCourse');
    throw error;
  }
  if (!placement.ok) throw new EnrolmentRefusedError(placement.reason, placement.params);
  return placement.enrolment;
}

/** The learner's side: which cohorts of a course are open to them, enrolling, requesting, leaving. */
@Injectable()
export class CohortEnrolmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: PublishedContentService,
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly enrolments: EnrolmentsService,
    private readonly cohortsService: CohortsService,
    private readonly placement: EnrolmentPlacement,
    private readonly clock: Clock,
  ) {}

  async courseBySlug(slug: string): Promise<Course> {
    const course = typeof slug === 'string' && slug.length <= 80 ? await this.content.publishedCourseBySlug(slug) : null;
    if (!course) throw new NotFoundException();
    return course;
  }

  /**
   * Cohorts of the course a learner may look at: not archived, not finished;
   * invitation-only ones only when the learner is already in them.
   */
  async offers(course: Course, user: Pick<User, 'id' | 'country'> | null): Promise<CohortOffer[]> {
    const now = this.clock.now();
    const cohorts = await this.cohorts.find({
      where: { courseId: course.id, archivedAt: IsNull(), endsAt: MoreThanOrEqual(now) },
      order: { startsAt: 'ASC', country: 'ASC', name: 'ASC' },
    });
    const counts = await this.cohortsService.counts(cohorts.map((cohort) => cohort.id));
    const mine = user
      ? await this.enrolments.mineInCohorts(
          user.id,
          cohorts.map((cohort) => cohort.id),
        )
      : [];
    return (
      cohorts
        .map((cohort) => {
          const active = counts.get(cohort.id)?.active ?? 0;
          const eligibility = checkEligibility(cohort, { now, activeCount: active, route: 'self' });
          return {
            cohort,
            seatsLeft: seatsLeft(cohort.capacity, active),
            enrolment: mine.filter((enrolment) => enrolment.cohortId === cohort.id).pop() ?? null,
            blockedBy: eligibility.ok ? null : eligibility.reason,
          };
        })
        .filter((offer) => offer.cohort.enrolmentMode !== 'invitation' || offer.enrolment?.status === 'active')
        // The learner's own country first: most people join the edition where they work.
        .sort((a, b) => Number(b.cohort.country === user?.country) - Number(a.cohort.country === user?.country))
    );
  }

  /** The course's cohort the learner is active in, if any. */
  activeEnrolment(userId: number, courseId: number): Promise<Enrolment | null> {
    return this.enrolments.activeWithCohort(userId, courseId);
  }

  /** Enrol directly, with the key, or as a request for approval, depending on the cohort's mode. */
  async enrolSelf(user: Pick<User, 'id'>, course: Course, cohortId: number, key?: string): Promise<Enrolment> {
    await this.visibleCohort(course, cohortId);
    return placeUnderLock(this.dataSource, cohortId, (manager, cohort) =>
      this.placement.place(manager, cohort, user.id, { route: 'self', key: key ?? (cohort.enrolmentMode === 'key' ? '' : undefined) }),
    );
  }

  /** Leaving a cohort, or taking back a request: the record stays, as 'withdrawn'. Returns it as it was before. */
  async withdrawSelf(user: Pick<User, 'id'>, course: Course, cohortId: number): Promise<Enrolment> {
    await this.visibleCohort(course, cohortId);
    const enrolment = await this.enrolments.currentInCohort(user.id, cohortId);
    if (!enrolment) throw new NotFoundException();
    await this.enrolments.setStatus(enrolment.id, 'withdrawn');
    return enrolment;
  }

  private async visibleCohort(course: Course, cohortId: number): Promise<Cohort> {
    const cohort = Number.isInteger(cohortId) ? await this.cohorts.findOneBy({ id: cohortId, courseId: course.id }) : null;
    if (!cohort) throw new CohortNotFoundError();
    return cohort;
  }
}
