import { Injectable } from '@nestjs/common';
import { CohortsService } from '../cohorts/cohorts.service';
import { Course } from '../content/entities/course.entity';
import { PublishedContentService } from '../content/published-content.service';
import { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { UsersService } from '../users/users.service';
import type { IssueFacts } from './certificate-content';

const COHORT_PAGE = 500;

/**
 * Everything certificates read from other features, in one place and only through
 * their owners' services: the enrolment with its learner, course and cohort, the
 * completed enrolments (backfill) and a cohort's active learners. Read-only.
 */
@Injectable()
export class CertificateSourcesService {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly users: UsersService,
    private readonly content: PublishedContentService,
    private readonly cohorts: CohortsService,
  ) {}

  /** The facts a certificate is made from, or null when the enrolment (or its learner or course) is gone. */
  async issueFacts(enrolmentId: number): Promise<IssueFacts | null> {
    const enrolment = await this.enrolments.findById(enrolmentId);
    if (!enrolment) return null;
    const [user, course, cohort] = await Promise.all([
      this.users.findById(enrolment.userId),
      this.content.courseById(enrolment.courseId),
      enrolment.cohortId === null ? Promise.resolve(null) : this.cohorts.findById(enrolment.cohortId),
    ]);
    if (!user || !course) return null;
    return {
      enrolmentId: enrolment.id,
      userId: user.id,
      courseId: course.id,
      cohortId: cohort?.id ?? null,
      completedAt: enrolment.completedAt,
      holderName: user.name,
      preferredLanguage: user.preferredLanguage,
      course: {
        slug: course.slug,
        title: course.title,
        languages: course.languages,
        hours: course.hours,
        certificateType: course.certificateType,
      },
      cohort: cohort ? { name: cohort.name, country: cohort.country } : null,
    };
  }

  /** Completed enrolments after `afterId`, in id order (the backfill filters those that have a certificate). */
  completedAfter(afterId: number, limit: number): Promise<Enrolment[]> {
    return this.enrolments.completedAfter(afterId, limit);
  }

  /** Active enrolments of a cohort (bulk participation certificates), page by page. */
  async activeInCohort(cohortId: number): Promise<Enrolment[]> {
    const result: Enrolment[] = [];
    for (let page = 1; ; page++) {
      const [rows, total] = await this.enrolments.pageInCohort(cohortId, { status: 'active', page, pageSize: COHORT_PAGE });
      result.push(...rows);
      if (result.length >= total || !rows.length) return result;
    }
  }

  /** The learner's active enrolment in a course, when completed. */
  async completedEnrolmentFor(userId: number, courseId: number): Promise<Enrolment | null> {
    const enrolment = await this.enrolments.activeFor(userId, courseId);
    return enrolment?.completedAt ? enrolment : null;
  }

  course(courseId: number): Promise<Course | null> {
    return this.content.courseById(courseId);
  }

  courseBySlug(slug: string): Promise<Course | null> {
    return this.content.courseBySlug(slug);
  }

  mayAccessCohort(actor: { id: number; role: string }, cohortId: number): Promise<boolean> {
    return this.cohorts.mayAccess(actor as Parameters<CohortsService['mayAccess']>[0], cohortId);
  }

  /** Names of the users who acted on a certificate (a handful per certificate). */
  async userNames(ids: number[]): Promise<Map<number, string>> {
    const users = await Promise.all([...new Set(ids)].map((id) => this.users.findById(id)));
    return new Map(users.filter((user) => user !== null).map((user) => [user.id, user.name]));
  }
}
