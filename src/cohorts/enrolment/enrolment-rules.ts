import type { EnrolmentMode } from '../entities/cohort.entity';

/**
 * Who is asking: 'self' is a learner on the cohort list (mode, window and key
 * apply); 'staff' covers what a facilitator or coordinator decided (an
 * approved request, an invitation, a move, bulk enrolment): mode and window
 * were their call, but an archived or finished cohort and the capacity still hold.
 */
export type EnrolRoute = 'self' | 'staff';

export type RefusalReason = 'archived' | 'ended' | 'invitationOnly' | 'notOpenYet' | 'closed' | 'full' | 'wrongKey';

export interface CohortTerms {
  enrolmentMode: EnrolmentMode;
  enrolmentKey: string | null;
  capacity: number | null;
  enrolmentOpensAt: Date | null;
  enrolmentClosesAt: Date | null;
  endsAt: Date;
  archivedAt: Date | null;
}

export interface EnrolAttempt {
  now: Date;
  /** Active enrolments in the cohort right now (read under the cohort lock when it matters). */
  activeCount: number;
  route: EnrolRoute;
  /** The key the learner typed; undefined skips the key check (e.g. to decide whether to show the form). */
  key?: string;
}

export type Eligibility = { ok: true; status: 'active' | 'pending' } | { ok: false; reason: RefusalReason };

/** Keys are read off a screen or a message and typed on phones: spaces and letter case do not matter. */
export function keysMatch(expected: string | null, typed: string): boolean {
  const normalise = (value: string) => value.normalize('NFC').trim().toLocaleLowerCase('es');
  return expected !== null && normalise(expected) !== '' && normalise(expected) === normalise(typed);
}

export function seatsLeft(capacity: number | null, activeCount: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - activeCount);
}

/** May this enrolment happen now, and does it start active or as a request waiting for approval? */
export function checkEligibility(cohort: CohortTerms, attempt: EnrolAttempt): Eligibility {
  const refuse = (reason: RefusalReason): Eligibility => ({ ok: false, reason });
  if (cohort.archivedAt) return refuse('archived');
  if (attempt.now > cohort.endsAt) return refuse('ended');
  if (attempt.route === 'self') {
    if (cohort.enrolmentMode === 'invitation') return refuse('invitationOnly');
    if (cohort.enrolmentOpensAt && attempt.now < cohort.enrolmentOpensAt) return refuse('notOpenYet');
    if (cohort.enrolmentClosesAt && attempt.now > cohort.enrolmentClosesAt) return refuse('closed');
  }
  // A request is refused while the cohort is full too: it could not be approved anyway.
  if (seatsLeft(cohort.capacity, attempt.activeCount) === 0) return refuse('full');
  if (
    attempt.route === 'self' &&
    cohort.enrolmentMode === 'key' &&
    attempt.key !== undefined &&
    !keysMatch(cohort.enrolmentKey, attempt.key)
  ) {
    return refuse('wrongKey');
  }
  return { ok: true, status: attempt.route === 'self' && cohort.enrolmentMode === 'approval' ? 'pending' : 'active' };
}
