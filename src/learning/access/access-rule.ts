import type { EnrolmentStatus } from '../../enrolments/enrolment.entity';

export interface AccessFacts {
  role: string;
  /** The learner's enrolment in the course with status 'active', if any. */
  enrolment: { status: EnrolmentStatus; accessExtendedUntil: Date | null } | null;
  /** The cohort of that enrolment (startsAt and earlyAccess: modules stay closed before the start unless early access is on). */
  cohort: { endsAt: Date; startsAt?: Date; earlyAccess?: boolean } | null;
  /** A facilitator assigned to a cohort of this course. */
  facilitatesCourse: boolean;
  now: Date;
}

export interface AccessDecision {
  /** May read the lessons and own results. */
  read: boolean;
  /** May record something new: mark modules, start attempts. */
  record: boolean;
  /** 'learner' records progress; 'staff' only looks. */
  as: 'learner' | 'staff' | null;
  /** Why a learner may not read or not record: the cohort has ended, or has not started yet. */
  reason: 'cohortEnded' | 'notStarted' | null;
}

const NONE: AccessDecision = { read: false, record: false, as: null, reason: null };

/**
 * Who sees a course's content. A learner with an active enrolment reads and
 * records; once the cohort has ended they keep reading but record nothing new
 * unless a facilitator extended their access. Staff read: coordinators and
 * admins every course, facilitators the courses of their cohorts. Staff who
 * are enrolled themselves are treated as learners. Before the cohort's start
 * date its learners see the course page (with the date) but the modules and
 * quizzes stay closed, unless the cohort allows early access.
 */
export function decideAccess(facts: AccessFacts): AccessDecision {
  if (facts.enrolment?.status === 'active') {
    if (facts.cohort && cohortNotStarted(facts.cohort, facts.now))
      return { read: false, record: false, as: 'learner', reason: 'notStarted' };
    const ended = facts.cohort !== null && facts.cohort.endsAt.getTime() < facts.now.getTime();
    const extended = facts.enrolment.accessExtendedUntil !== null && facts.enrolment.accessExtendedUntil.getTime() > facts.now.getTime();
    const record = !ended || extended;
    return { read: true, record, as: 'learner', reason: record ? null : 'cohortEnded' };
  }
  if (facts.role === 'coordinator' || facts.role === 'admin' || (facts.role === 'facilitator' && facts.facilitatesCourse)) {
    return { read: true, record: false, as: 'staff', reason: null };
  }
  return NONE;
}

/** The version language to show: the reader's language when the course has it, else the course's first language. */
export function pickLanguage(courseLanguages: readonly string[], wanted: string | undefined): string {
  return wanted && courseLanguages.includes(wanted) ? wanted : (courseLanguages[0] ?? 'es');
}

/** Before the cohort's first day, unless the cohort lets its learners start early. */
export function cohortNotStarted(cohort: { startsAt?: Date; earlyAccess?: boolean }, now: Date): boolean {
  return !cohort.earlyAccess && !!cohort.startsAt && cohort.startsAt.getTime() > now.getTime();
}
