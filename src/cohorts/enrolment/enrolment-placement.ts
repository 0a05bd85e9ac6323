import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Enrolment, EnrolmentStatus } from '../../enrolments/enrolment.entity';
import { CarriedProgress, carriedProgress, EnrolmentsService } from '../../enrolments/enrolments.service';
import { Cohort } from '../entities/cohort.entity';
import { EnrolmentProblem } from './enrolment-errors';
import { checkEligibility, EnrolRoute } from './enrolment-rules';

export type Placement =
  { ok: true; enrolment: Enrolment } | { ok: false; reason: EnrolmentProblem; params?: Record<string, string | number> };

/** An enrolment whose cohort has ended and whose access was not extended no longer holds the learner's place in the course. */
export function hasFinished(
  enrolment: Pick<Enrolment, 'accessExtendedUntil'> & { cohort: Pick<Cohort, 'endsAt'> | null },
  now: Date,
): boolean {
  if (!enrolment.cohort || enrolment.cohort.endsAt.getTime() > now.getTime()) return false;
  return !enrolment.accessExtendedUntil || enrolment.accessExtendedUntil.getTime() <= now.getTime();
}

/**
 * The one place a learner is put into a cohort, for every route (self, approval,
 * invitation, bulk, move). Must run inside withCohortLock so the seat count it
 * reads cannot change before its insert. Refusals are returned, not thrown, so
 * the caller decides whether the transaction goes on (bulk) or stops.
 */
@Injectable()
export class EnrolmentPlacement {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly clock: Clock,
  ) {}

  async place(
    manager: EntityManager,
    cohort: Cohort,
    userId: number,
    attempt: { route: EnrolRoute; key?: string; carry?: CarriedProgress; seatsTaken?: number },
  ): Promise<Placement> {
    const store = this.enrolments.within(manager);
    const existing = await store.latestInCohort(userId, cohort.id);
    if (existing?.status === 'active') return { ok: false, reason: 'alreadyEnrolled' };
    if (existing?.status === 'pending' && attempt.route === 'self') return { ok: false, reason: 'alreadyRequested' };
    const taken = attempt.seatsTaken ?? (await store.activeCount(cohort.id));
    const eligibility = checkEligibility(cohort, { now: this.clock.now(), activeCount: taken, route: attempt.route, key: attempt.key });
    if (!eligibility.ok) return { ok: false, reason: eligibility.reason };
    const elsewhere = await store.activeElsewhere(userId, cohort.courseId, cohort.id);
    const status: EnrolmentStatus = eligibility.status;
    let carry = attempt.carry;
    if (elsewhere) {
      if (!hasFinished(elsewhere, this.clock.now()))
        return { ok: false, reason: 'activeElsewhere', params: { cohort: elsewhere.cohort?.name ?? '' } };
      // Last year's edition is over: joining this one moves the learner here, progress and all.
      // A request only waits for approval; the old enrolment closes when it is approved.
      if (status === 'active') {
        await store.update(elsewhere.id, { status: 'moved' });
        carry = carry ?? carriedProgress(elsewhere);
      }
    }
    // One row per learner and cohort: coming back after withdrawing, a refusal or a move reuses it.
    if (existing) {
      await store.update(existing.id, { status, ...(carry ?? {}) });
      return { ok: true, enrolment: { ...existing, status, ...(carry ?? {}) } };
    }
    return {
      ok: true,
      enrolment: await store.insert({ userId, courseId: cohort.courseId, cohortId: cohort.id, status, ...(carry ?? {}) }),
    };
  }
}
