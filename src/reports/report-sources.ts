import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CohortsService } from '../cohorts/cohorts.service';
import type { Cohort } from '../cohorts/entities/cohort.entity';
import { Course } from '../content/entities/course.entity';
import { enrolmentsOfLearner, rosterCount, rosterPage, RosterQuery } from '../enrolments/roster-query';
import { Enrolment } from '../learning/entities/enrolment.entity';
import { knowledgeGain } from '../learning/progress/completion-rule';
import { ProgressService } from '../learning/progress.service';
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

/**
 * The one place reports read other features' data, each through its owner:
 * enrolments (keyset pages), users, cohorts, the progress read model and certificates.
 */
@Injectable()
export class ReportSources {
  constructor(
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    private readonly users: UsersService,
    private readonly cohorts: CohortsService,
    private readonly progress: ProgressService,
  ) {}

  count(query: RosterQuery): Promise<number> {
    return rosterCount(this.enrolments, query);
  }

  /** Every enrolment of one learner with its course, cohort, progress and certificate. */
  async learnerRecords(userId: number): Promise<RosterRecord[]> {
    return this.records(await enrolmentsOfLearner(this.enrolments, userId));
  }

  /** The learners of the matching enrolments (no other data read). */
  async userIds(query: RosterQuery): Promise<number[]> {
    const result: number[] = [];
    let afterId = 0;
    for (;;) {
      const page = await rosterPage(this.enrolments, query, afterId, 2000);
      result.push(...page.map((enrolment) => enrolment.userId));
      if (page.length < 2000) return result;
      afterId = page[page.length - 1].id;
    }
  }

  /** Pages of records in enrolment order; the next page is read only when the consumer asks for it. */
  async *pages(query: RosterQuery, pageSize = ROSTER_PAGE_SIZE): AsyncGenerator<RosterRecord[]> {
    let afterId = 0;
    for (;;) {
      const page = await rosterPage(this.enrolments, query, afterId, pageSize);
      if (!page.length) return;
      afterId = page[page.length - 1].id;
      yield this.records(page);
      if (page.length < pageSize) return;
    }
  }

  async records(enrolments: Enrolment[]): Promise<RosterRecord[]> {
    const ids = enrolments.map((enrolment) => enrolment.id);
    const [users, cohorts, courses, progress, certificates] = await Promise.all([
      this.users.findByIds(enrolments.map((enrolment) => enrolment.userId)),
      this.cohorts.findByIds(enrolments.map((enrolment) => enrolment.cohortId).filter((id): id is number => id !== null)),
      this.coursesByIds(enrolments.map((enrolment) => enrolment.courseId)),
      this.summaries(enrolments),
      this.certificatesFor(ids),
    ]);
    const userById = new Map(users.map((user) => [user.id, user]));
    const cohortById = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
    const courseById = new Map(courses.map((course) => [course.id, course]));
    return enrolments.flatMap((enrolment) => {
      const user = userById.get(enrolment.userId);
      const course = courseById.get(enrolment.courseId);
      if (!user || !course) return [];
      return [{
        enrolment, user, course,
        cohort: enrolment.cohortId === null ? null : (cohortById.get(enrolment.cohortId) ?? null),
        progress: progress.get(enrolment.id),
        certificate: certificates.get(enrolment.id) ?? null,
      }];
    });
  }

  /**
   * Certificate code and status per enrolment, from the certificates feature.
   * Empty until CertificatesService.certificatesForEnrolments is available.
   */
  certificatesFor(_enrolmentIds: number[]): Promise<Map<number, CertificateSummary>> {
    return Promise.resolve(new Map());
  }

  private coursesByIds(ids: number[]): Promise<Course[]> {
    return this.courses.findBy({ id: In([...new Set(ids)]) });
  }

  // Until the progress read model (ProgressService.summariesForEnrolments) lands: one learner at a time.
  private async summaries(enrolments: Enrolment[]): Promise<Map<number, LearnerProgressSummary>> {
    const result = new Map<number, LearnerProgressSummary>();
    const courses = new Map((await this.coursesByIds(enrolments.map((enrolment) => enrolment.courseId))).map((course) => [course.id, course]));
    for (const enrolment of enrolments) {
      const course = courses.get(enrolment.courseId);
      if (!course) continue;
      const progress = await this.progress.courseProgress(enrolment.userId, course, course.languages[0] ?? 'es', enrolment.lastModuleKey);
      const scores = progress.lessons.map((lesson) => lesson.quizScore).filter((score): score is number => score !== null);
      const withQuiz = progress.lessons.filter((lesson) => lesson.state.hasQuiz);
      result.set(enrolment.id, {
        enrolmentId: enrolment.id, userId: enrolment.userId, courseId: enrolment.courseId, cohortId: enrolment.cohortId,
        modulesTotal: progress.lessons.length, modulesDone: progress.lessons.filter((lesson) => lesson.done).length, percent: progress.steps.percent,
        quizzesTotal: withQuiz.length, quizzesPassed: withQuiz.filter((lesson) => lesson.state.quizPassed).length,
        quizAverage: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
        preTestScore: progress.preTest.score, postTestScore: progress.postTest.score, knowledgeGain: knowledgeGain(progress.preTest.score, progress.postTest.score),
        completed: enrolment.completedAt !== null, completedAt: enrolment.completedAt, lastActivityAt: enrolment.lastActivityAt,
      });
    }
    return result;
  }
}
