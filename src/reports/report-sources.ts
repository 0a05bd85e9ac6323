import { Injectable } from '@nestjs/common';
import { CertificatesService } from '../certificates/certificates.service';
import { CohortsService } from '../cohorts/cohorts.service';
import type { Cohort } from '../cohorts/entities/cohort.entity';
import type { Course } from '../content/entities/course.entity';
import { PublishedContentService } from '../content/published-content.service';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import type { RosterLine, RosterQuery } from '../enrolments/roster-query';
import { ProgressService } from '../progress/progress.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { CertificateSummary, LearnerProgressSummary } from './progress-summary';

/** One enrolment with everything a roster row, a summary or a data export needs. */
export interface RosterRecord {
  enrolment: Enrolment;
  user: User;
  course: Course;
  cohort: Cohort | null;
  progress: LearnerProgressSummary | undefined;
  certificate: CertificateSummary | null;
}

export const ROSTER_PAGE_SIZE = 500;

/** One roster line (enrolment, learner, cohort name) with its course, progress and certificate: a roster export's row. */
export interface RosterLineRecord {
  line: RosterLine;
  course: Course;
  progress: LearnerProgressSummary | undefined;
  certificate: CertificateSummary | null;
}

/**
 * Enrolments per page of a roster export: one statement per course for the progress rows and for each
 * test (IN lists of 500). 1,000 cost the same CPU time but showed larger memory peaks in some runs.
 */
export const EXPORT_PAGE_SIZE = 500;

/** Lets the event loop serve other requests (other users' pages) before the next page is computed. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The one place reports read other features' data, each through its owner:
 * enrolments (keyset pages), users, cohorts, the progress read model and certificates.
 */
@Injectable()
export class ReportSources {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly content: PublishedContentService,
    private readonly users: UsersService,
    private readonly cohorts: CohortsService,
    private readonly progress: ProgressService,
    private readonly certificates: CertificatesService,
  ) {}

  count(query: RosterQuery): Promise<number> {
    return this.enrolments.rosterCount(query);
  }

  /** Every enrolment of one learner with its course, cohort, progress and certificate. */
  async learnerRecords(userId: number): Promise<RosterRecord[]> {
    return this.records(await this.enrolments.allForLearner(userId));
  }

  /** The learners of the matching enrolments (no other data read). */
  async userIds(query: RosterQuery): Promise<number[]> {
    const result: number[] = [];
    let afterId = 0;
    for (;;) {
      const page = await this.enrolments.rosterPage(query, afterId, 2000);
      result.push(...page.map((enrolment) => enrolment.userId));
      if (page.length < 2000) return result;
      afterId = page[page.length - 1].id;
    }
  }

  /** Pages of records in enrolment order; the next page is read only when the consumer asks for it. */
  async *pages(query: RosterQuery, pageSize = ROSTER_PAGE_SIZE): AsyncGenerator<RosterRecord[]> {
    let afterId = 0;
    for (;;) {
      const page = await this.enrolments.rosterPage(query, afterId, pageSize);
      if (!page.length) return;
      afterId = page[page.length - 1].id;
      yield this.records(page);
      if (page.length < pageSize) return;
    }
  }

  /**
   * Roster export pages in enrolment order, as plain lines: one statement for the
   * lines (learner and cohort joined), then the progress read model and the
   * certificates of the page. The next page's lines are read while this page is
   * computed and written (one page ahead at most, so memory stays flat), and the
   * event loop gets a turn between pages so other users' pages keep answering.
   */
  async *linePages(query: RosterQuery, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<RosterLineRecord[]> {
    let next = this.enrolments.rosterLines(query, 0, pageSize);
    for (;;) {
      const lines = await next;
      if (!lines.length) return;
      if (lines.length < pageSize) next = Promise.resolve([]);
      else {
        next = this.enrolments.rosterLines(query, lines[lines.length - 1].id, pageSize);
        // If the consumer stops early (the client went away) nobody awaits it: do not let it reject unhandled.
        next.catch(() => undefined);
      }
      const courseIds = [...new Set(lines.map((line) => line.courseId))];
      const [courses, progress, certificates] = await Promise.all([
        this.content.coursesByIds(courseIds),
        this.progress.summariesForEnrolmentRows(lines),
        this.certificatesFor(lines.map((line) => line.id)),
      ]);
      const courseById = new Map(courses.map((course) => [course.id, course]));
      const page: RosterLineRecord[] = [];
      for (const line of lines) {
        const course = courseById.get(line.courseId);
        if (course) page.push({ line, course, progress: progress.get(line.id), certificate: certificates.get(line.id) ?? null });
      }
      yield page;
      await nextTurn();
    }
  }

  async records(enrolments: Enrolment[]): Promise<RosterRecord[]> {
    const ids = enrolments.map((enrolment) => enrolment.id);
    const [users, cohorts, courses, progress, certificates] = await Promise.all([
      this.users.findByIds(enrolments.map((enrolment) => enrolment.userId)),
      this.cohorts.findByIds(enrolments.map((enrolment) => enrolment.cohortId).filter((id): id is number => id !== null)),
      this.content.coursesByIds([...new Set(enrolments.map((enrolment) => enrolment.courseId))]),
      this.progress.summariesForEnrolmentRows(enrolments),
      this.certificatesFor(ids),
    ]);
    const userById = new Map(users.map((user) => [user.id, user]));
    const cohortById = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
    const courseById = new Map(courses.map((course) => [course.id, course]));
    return enrolments.flatMap((enrolment) => {
      const user = userById.get(enrolment.userId);
      const course = courseById.get(enrolment.courseId);
      if (!user || !course) return [];
      return [
        {
          enrolment,
          user,
          course,
          cohort: enrolment.cohortId === null ? null : (cohortById.get(enrolment.cohortId) ?? null),
          progress: progress.get(enrolment.id),
          certificate: certificates.get(enrolment.id) ?? null,
        },
      ];
    });
  }

  /** Certificate code and status per enrolment (the current certificate), from the certificates feature. */
  certificatesFor(enrolmentIds: number[]): Promise<Map<number, CertificateSummary>> {
    return this.certificates.certificatesForEnrolments(enrolmentIds);
  }
}
