import { INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { PublishedContentService } from '../content/published-content.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { demoAccount } from '../seed/demo-accounts';
import { UsersService } from '../users/users.service';
import { CohortFacilitator } from './entities/cohort-facilitator.entity';
import { Cohort, EnrolmentMode } from './entities/cohort.entity';

interface DemoCohort {
  course: string;
  name: string;
  country: string;
  mode: EnrolmentMode;
  key?: string;
  capacity?: number;
  /** Days from today; the defaults make a running edition with its window open. */
  opensInDays?: number;
  facilitator?: boolean;
  learner?: boolean;
}

// One edition running in three countries, as IOM's specialised courses do, with every enrolment mode on show.
const DEMO_COHORTS: DemoCohort[] = [
  {
    course: 'ninez-migrante',
    name: 'Niñez migrante, 2.ª edición, El Salvador',
    country: 'SV',
    mode: 'open',
    capacity: 70,
    facilitator: true,
    learner: true,
  },
  {
    course: 'ninez-migrante',
    name: 'Niñez migrante, 2.ª edición, Guatemala',
    country: 'GT',
    mode: 'approval',
    capacity: 40,
    facilitator: true,
  },
  { course: 'ninez-migrante', name: 'Niñez migrante, 2.ª edición, Honduras', country: 'HN', mode: 'key', key: 'NINEZ-HN', capacity: 40 },
  {
    course: 'trata-de-personas',
    name: 'Trata de personas 2026, El Salvador',
    country: 'SV',
    mode: 'key',
    key: 'TRATA-SV',
    facilitator: true,
  },
  { course: 'trata-de-personas', name: 'Trata de personas 2026, Guatemala', country: 'GT', mode: 'approval' },
  { course: 'trata-de-personas', name: 'Trata de personas 2026, Honduras', country: 'HN', mode: 'invitation', facilitator: true },
  {
    course: 'trafico-ilicito-de-migrantes',
    name: 'Tráfico ilícito de migrantes 2026, El Salvador',
    country: 'SV',
    mode: 'open',
    capacity: 30,
  },
  {
    course: 'trafico-ilicito-de-migrantes',
    name: 'Tráfico ilícito de migrantes 2026, Honduras',
    country: 'HN',
    mode: 'open',
    opensInDays: 10,
  },
  {
    course: 'asistencia-psicosocial',
    name: 'Asistencia psicosocial 2026, El Salvador',
    country: 'SV',
    mode: 'approval',
    facilitator: true,
  },
  { course: 'asistencia-psicosocial', name: 'Asistencia psicosocial 2026, Guatemala', country: 'GT', mode: 'open' },
];

export const DEMO_FACILITATOR_EMAIL = demoAccount('facilitator').email;
export const DEMO_LEARNER_EMAIL = demoAccount('learner').email;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Demo cohorts of the shipped courses (development only; runs after the
 * content import and the demo accounts). Idempotent: cohorts are found by
 * course and name, and nothing existing is changed; missing courses are skipped.
 */
export async function seedDemoCohorts(app: INestApplicationContext, logger = new Logger('DemoData')): Promise<void> {
  const dataSource = app.get(DataSource);
  const now = app.get(Clock).now();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const cohorts = dataSource.getRepository(Cohort);
  const users = app.get(UsersService);
  const content = app.get(PublishedContentService);
  const enrolments = app.get(EnrolmentsService);
  const facilitator = await users.findByEmail(DEMO_FACILITATOR_EMAIL);
  const learner = await users.findByEmail(DEMO_LEARNER_EMAIL);
  let created = 0;
  for (const spec of DEMO_COHORTS) {
    const course = await content.courseBySlug(spec.course);
    if (!course) continue;
    let cohort = await cohorts.findOneBy({ courseId: course.id, name: spec.name });
    if (!cohort) {
      const opens = spec.opensInDays ?? -14;
      cohort = await cohorts.save(
        cohorts.create({
          courseId: course.id,
          name: spec.name,
          country: spec.country,
          enrolmentMode: spec.mode,
          enrolmentKey: spec.key ?? null,
          capacity: spec.capacity ?? null,
          startsAt: at(Math.max(opens, -7)),
          endsAt: at(120),
          enrolmentOpensAt: at(opens),
          enrolmentClosesAt: at(opens + 60),
          archivedAt: null,
        }),
      );
      created += 1;
      if (spec.facilitator && facilitator)
        await dataSource.getRepository(CohortFacilitator).insert({ cohortId: cohort.id, userId: facilitator.id });
      if (spec.learner && learner) await enrolments.ensureDemoEnrolment(learner.id, course.id, cohort.id);
    }
  }
  if (created) logger.log(`Demo cohorts: ${created} created (keys: NINEZ-HN, TRATA-SV).`);
}
