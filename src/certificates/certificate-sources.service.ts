import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { CohortFacilitator } from '../cohorts/entities/cohort-facilitator.entity';
import { Cohort } from '../cohorts/entities/cohort.entity';
import { Course } from '../content/entities/course.entity';
import { Enrolment } from '../learning/entities/enrolment.entity';
import { User } from '../users/user.entity';
import type { IssueFacts } from './certificate-content';

/**
 * Everything certificates read from other features' tables, in one place: the
 * enrolment with its learner, course and cohort, the facilitators' cohorts, and the
 * completed enrolments still without a certificate. Read-only.
 */
@Injectable()
export class CertificateSourcesService {
  constructor(
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectRepository(CohortFacilitator) private readonly facilitators: Repository<CohortFacilitator>,
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** The facts a certificate is made from, or null when the enrolment is gone. */
  async issueFacts(enrolmentId: number): Promise<IssueFacts | null> {
    const enrolment = await this.enrolments.findOne({ where: { id: enrolmentId }, relations: { user: true, course: true, cohort: true } });
    if (!enrolment) return null;
    return factsOf(enrolment);
  }

  /** Completed enrolments (any status but pending/declined) with no certificate of the course's kind yet, oldest first. */
  async completedWithoutCertificate(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.enrolments
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .innerJoin(Course, 'course', 'course.id = e.courseId')
      .where('e.completedAt IS NOT NULL')
      .andWhere('e.id > :afterId', { afterId })
      .andWhere("e.status IN ('active', 'withdrawn', 'moved')")
      .andWhere(`NOT EXISTS (SELECT 1 FROM "certificate" "c" WHERE "c"."enrolmentId" = e.id AND "c"."kind" = course.certificateType AND "c"."status" <> 'replaced')`)
      .orderBy('e.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
    return rows.map((row) => Number(row.id));
  }

  /** Active enrolments of a cohort, with their learners (bulk participation certificates). */
  activeInCohort(cohortId: number): Promise<Enrolment[]> {
    return this.enrolments.find({ where: { cohortId, status: 'active' }, relations: { user: true }, order: { id: 'ASC' } });
  }

  async cohortIdsOfFacilitator(userId: number): Promise<number[]> {
    return (await this.facilitators.findBy({ userId })).map((row) => row.cohortId);
  }

  course(courseId: number): Promise<Course | null> {
    return this.courses.findOneBy({ id: courseId });
  }

  courseBySlug(slug: string): Promise<Course | null> {
    return this.courses.findOneBy({ slug });
  }

  cohort(cohortId: number): Promise<Cohort | null> {
    return this.cohorts.findOneBy({ id: cohortId });
  }

  /** Names of users and titles of courses for lists, in two queries. */
  async userNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const users = await this.users.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  async courseSlugs(ids: number[]): Promise<Map<number, Course>> {
    if (!ids.length) return new Map();
    const courses = await this.courses.findBy({ id: In([...new Set(ids)]) });
    return new Map(courses.map((course) => [course.id, course]));
  }

  /** The learner's completed enrolments in a course, newest first (certificate links by course). */
  completedEnrolmentsFor(userId: number, courseId: number): Promise<Enrolment[]> {
    return this.enrolments.find({ where: { userId, courseId, completedAt: Not(IsNull()) }, order: { id: 'DESC' } });
  }
}

function factsOf(enrolment: Enrolment & { user: User; course: Course }): IssueFacts {
  const { user, course, cohort } = enrolment;
  return {
    enrolmentId: enrolment.id,
    userId: user.id,
    courseId: course.id,
    cohortId: cohort?.id ?? null,
    completedAt: enrolment.completedAt,
    holderName: user.name,
    preferredLanguage: user.preferredLanguage,
    course: { slug: course.slug, title: course.title, languages: course.languages, hours: course.hours, certificateType: course.certificateType },
    cohort: cohort ? { name: cohort.name, country: cohort.country } : null,
  };
}
