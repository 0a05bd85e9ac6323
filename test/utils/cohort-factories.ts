import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource, DeepPartial, FindOptionsWhere } from 'typeorm';
import { CohortFacilitator } from '../../src/cohorts/entities/cohort-facilitator.entity';
import { Cohort } from '../../src/cohorts/entities/cohort.entity';
import { Course } from '../../src/content/entities/course.entity';
import { contentChanged } from './course-factories';
import { Enrolment, EnrolmentStatus } from '../../src/enrolments/enrolment.entity';
import { User } from '../../src/users/user.entity';

let sequence = 0;
const DAY_MS = 24 * 60 * 60 * 1000;

export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

/** A course row written directly (no content folder, no importer). */
export async function createCourse(app: NestExpressApplication, overrides: DeepPartial<Course> = {}): Promise<Course> {
  sequence += 1;
  const repository = app.get(DataSource).getRepository(Course);
  const course = await repository.save(
    repository.create({
      slug: `curso-${sequence}-${Date.now()}`,
      title: { es: `Curso de prueba ${sequence}`, en: `Test course ${sequence}` },
      summary: { es: 'Resumen', en: 'Summary' },
      topic: 'trafficking',
      hours: 4,
      languages: ['es', 'en'],
      passMark: 80,
      certificateType: 'completion',
      hasPreTest: false,
      hasPostTest: false,
      completionRule: { modules: true, quizzes: true, postTest: false },
      quizDefaults: { maxAttempts: 0, grading: 'highest', shuffle: false, timeLimitMinutes: 0, showAnswers: true, passMark: 80 },
      sourceHash: 'x'.repeat(64),
      published: true,
      ...overrides,
    }),
  );
  await contentChanged(app);
  return course;
}

/** A running cohort with its enrolment window open, unless overridden. */
export async function createCohort(app: NestExpressApplication, course: Course, overrides: Partial<Cohort> = {}): Promise<Cohort> {
  sequence += 1;
  const repository = app.get(DataSource).getRepository(Cohort);
  return repository.save(
    repository.create({
      courseId: course.id,
      name: `Cohorte ${sequence}, El Salvador`,
      country: 'SV',
      startsAt: daysFromNow(-5),
      endsAt: daysFromNow(60),
      enrolmentOpensAt: daysFromNow(-10),
      enrolmentClosesAt: daysFromNow(20),
      capacity: null,
      enrolmentMode: 'open',
      enrolmentKey: null,
      archivedAt: null,
      ...overrides,
    }),
  );
}

export async function assignFacilitator(app: NestExpressApplication, cohort: Cohort, user: User): Promise<void> {
  await app.get(DataSource).getRepository(CohortFacilitator).insert({ cohortId: cohort.id, userId: user.id });
}

export async function enrol(
  app: NestExpressApplication,
  user: User,
  cohort: Cohort,
  status: EnrolmentStatus = 'active',
  extra: Partial<Enrolment> = {},
): Promise<Enrolment> {
  const repository = app.get(DataSource).getRepository(Enrolment);
  return repository.save(repository.create({ userId: user.id, courseId: cohort.courseId, cohortId: cohort.id, status, ...extra }));
}

export function enrolmentsOf(app: NestExpressApplication, where: FindOptionsWhere<Enrolment>): Promise<Enrolment[]> {
  return app
    .get(DataSource)
    .getRepository(Enrolment)
    .find({ where, order: { id: 'ASC' } });
}
