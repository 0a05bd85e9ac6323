import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordLinksService } from '../../src/account/password-links.service';
import { BulkImportService } from '../../src/cohorts/bulk/bulk-import.service';
import { CohortInvitation } from '../../src/cohorts/invitations/cohort-invitation.entity';
import { InvitationsService } from '../../src/cohorts/invitations/invitations.service';
import type { Role } from '../../src/common/roles';
import { CourseModule } from '../../src/content/entities/course-module.entity';
import { ModuleVersion } from '../../src/content/entities/module-version.entity';
import { buildLayout } from '../../src/quizzes/grading/layout';
import { QuizAttempt } from '../../src/quizzes/entities/quiz-attempt.entity';
import { User } from '../../src/users/user.entity';
import { assignEditor, importFixtureCourse } from './content-factories';
import { assignFacilitator, createCohort, createCourse, enrol } from './course-factories';
import { createUser, DEFAULT_PASSWORD, profileFields } from './factories';
import { Agent, csrfToken } from './test-app';

/**
 * The people and places the access matrix (test/e2e/access-matrix.ts) and the
 * fuzz test walk: one signed-in agent per persona, and "scenes" (a course with
 * two cohorts) in which the personas have their relationships.
 */

export const PERSONAS = ['visitor', 'enrolled', 'outsider', 'facilitator', 'otherFacilitator', 'coordinator', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];

/** What each persona is, for failure messages. */
export const PERSONA_MEANING: Record<Persona, string> = {
  visitor: 'not signed in',
  enrolled: 'learner enrolled (active) in the scene cohort',
  outsider: 'learner not enrolled in the course',
  facilitator: 'facilitator of the scene cohort and editor of its course',
  otherFacilitator: 'facilitator of neither',
  coordinator: 'coordinator',
  admin: 'admin',
};

const ROLE_OF: Record<Exclude<Persona, 'visitor'>, Role> = {
  enrolled: 'learner',
  outsider: 'learner',
  facilitator: 'facilitator',
  otherFacilitator: 'facilitator',
  coordinator: 'coordinator',
  admin: 'admin',
};

export interface Signed {
  agent: Agent;
  csrf: string;
  user: User | null;
}

/** One user per persona (the visitor has none), each with a signed-in agent and its CSRF token. */
export type Cast = Record<Persona, Signed>;

export interface Scene {
  courseId: number;
  slug: string;
  moduleKey: string;
  /** A Markdown file of the course the editor opens. */
  file: string;
  cohortId: number;
  /** A second cohort of the course (move target). */
  otherCohortId: number;
}

let sequence = 0;

async function signIn(app: NestExpressApplication, user: User | null): Promise<Signed> {
  const agent = request.agent(app.getHttpServer());
  if (user) {
    const token = await csrfToken(agent, '/auth/login');
    const response = await agent.post('/auth/login').type('form').send({ email: user.email, password: DEFAULT_PASSWORD, _csrf: token });
    if (response.status !== 303) throw new Error(`Sign-in of ${user.email} failed with ${response.status}`);
  }
  return { agent, csrf: await csrfToken(agent, user ? '/profile' : '/auth/login'), user };
}

/** A signed-out browser with a session and a CSRF token, as a visitor who loaded a form. */
export function visitor(app: NestExpressApplication): Promise<Signed> {
  return signIn(app, null);
}

export async function createCast(app: NestExpressApplication): Promise<Cast> {
  const cast: Partial<Cast> = { visitor: await visitor(app) };
  for (const persona of PERSONAS) {
    if (persona === 'visitor') continue;
    const user = await createUser(app, { role: ROLE_OF[persona], name: `${persona} ${++sequence}` });
    cast[persona] = await signIn(app, user);
  }
  return cast as Cast;
}

/** A user with the default password, without paying for a new argon2 hash (the hash of an existing one is reused). */
export async function quickUser(app: NestExpressApplication, role: Role): Promise<User> {
  const users = app.get(DataSource).getRepository(User);
  const [template] = await users.find({ select: { id: true, passwordHash: true }, order: { id: 'ASC' }, take: 1 });
  const fields = profileFields();
  return users.save(
    users.create({
      ...fields,
      name: `${fields.name} ${++sequence}`,
      email: `target${sequence}-${Date.now()}@example.org`,
      passwordHash: template.passwordHash,
      role,
      dataConsentAt: new Date(),
    }),
  );
}

/** A new signed-in user for one persona (for requests that end the session or change the password). */
export async function freshSigned(app: NestExpressApplication, persona: Persona): Promise<Signed> {
  if (persona === 'visitor') return visitor(app);
  return signIn(app, await quickUser(app, ROLE_OF[persona]));
}

/** Tables whose rows only bookkeeping writes (sessions, sign-in throttles): everything else must not change on a refusal. */
const BOOKKEEPING = /session|throttle|rate_limit|migrations/i;

/** Row counts of every application table, to prove that a refused request wrote nothing. */
export async function rowCounts(app: NestExpressApplication): Promise<Record<string, number>> {
  const data = app.get(DataSource);
  const tables = [...new Set(data.entityMetadatas.map((metadata) => metadata.tableName))].filter((name) => !BOOKKEEPING.test(name)).sort();
  const [row] = await data.query<Record<string, string | number>[]>(
    `SELECT ${tables.map((table) => `(SELECT COUNT(*) FROM "${table}") AS "${table}"`).join(', ')}`,
  );
  return Object.fromEntries(tables.map((table) => [table, Number(row[table])]));
}

/** Gives the cast its relationships in a scene: enrolled learner, facilitator of the cohort and editor of the course. */
async function link(app: NestExpressApplication, cast: Cast, scene: Scene): Promise<void> {
  const cohort = { id: scene.cohortId } as Parameters<typeof assignFacilitator>[1];
  await assignFacilitator(app, cohort, cast.facilitator.user!);
  await assignEditor(app, scene.courseId, cast.facilitator.user!.id);
  await enrol(app, cast.enrolled.user!, { id: scene.courseId } as Parameters<typeof enrol>[2], cohort);
}

/** The shared scene: the imported fixture course (real files, quizzes, pre/post-test, media). */
export async function createWorld(app: NestExpressApplication, cast: Cast): Promise<Scene> {
  const courseId = await importFixtureCourse(app);
  const course = { id: courseId } as Parameters<typeof createCohort>[1];
  const cohort = await createCohort(app, course, { name: 'Cohorte del mundo' });
  const other = await createCohort(app, course, { name: 'Otra cohorte del mundo' });
  const scene: Scene = {
    courseId,
    slug: 'curso-prueba',
    moduleKey: '01-bienvenida',
    file: '01-bienvenida.es.md',
    cohortId: cohort.id,
    otherCohortId: other.id,
  };
  await link(app, cast, scene);
  return scene;
}

/** A fresh scene for a request that changes things (archive, withdraw...), so every persona starts from the same state. */
export async function createScene(app: NestExpressApplication, cast: Cast): Promise<Scene> {
  const built = await createCourse(app);
  const cohort = await createCohort(app, built.course);
  const other = await createCohort(app, built.course, { name: `Otra cohorte ${built.course.slug}` });
  const scene: Scene = {
    courseId: built.course.id,
    slug: built.course.slug,
    moduleKey: '01-conceptos',
    file: '01-conceptos.es.md',
    cohortId: cohort.id,
    otherCohortId: other.id,
  };
  await link(app, cast, scene);
  return scene;
}

/** Makers of the things some routes act on; each call makes a new one. */
export class Kit {
  constructor(
    readonly app: NestExpressApplication,
    readonly cast: Cast,
  ) {}

  private get admin(): User {
    return this.cast.admin.user!;
  }

  /** A user nobody is signed in as (target of role changes, links, editors...). */
  async user(role: Role = 'learner'): Promise<User> {
    return quickUser(this.app, role);
  }

  /** A facilitator made editor of the scene's course. */
  async editor(scene: Scene): Promise<User> {
    const user = await this.user('facilitator');
    await assignEditor(this.app, scene.courseId, user.id);
    return user;
  }

  /** An enrolment of a new learner in the scene's cohort. */
  async enrolment(scene: Scene, status: 'active' | 'pending' = 'active'): Promise<number> {
    const learner = await this.user();
    const created = await enrol(
      this.app,
      learner,
      { id: scene.courseId } as Parameters<typeof enrol>[2],
      { id: scene.cohortId } as Parameters<typeof enrol>[3],
      { status },
    );
    return created.id;
  }

  /** A pending invitation to the scene's cohort; returns its raw token. */
  async invitation(scene: Scene, email = `invited${++sequence}-${Date.now()}@example.org`): Promise<{ id: number; token: string }> {
    const result = await this.app.get(InvitationsService).invite(this.admin, scene.cohortId, email);
    const token = result.sent[0].link.split('/invitations/')[1];
    const row = await this.app
      .get(DataSource)
      .getRepository(CohortInvitation)
      .findOneOrFail({ where: { email }, order: { id: 'DESC' } });
    return { id: row.id, token };
  }

  /** A set-password link for a new user; returns its raw token. */
  async passwordToken(): Promise<string> {
    const issued = await this.app.get(PasswordLinksService).issueByAdmin(this.admin, (await this.user()).id);
    return issued.link.split('/account/set-password/')[1];
  }

  /** A bulk-enrolment preview of one row in the scene's cohort, applied when asked. */
  async bulkImport(scene: Scene, applied = false): Promise<number> {
    const service = this.app.get(BulkImportService);
    const csv = `email,name,institution,country,sex,age group\nbulk${++sequence}-${Date.now()}@example.org,Persona Masiva,pnc,SV,female,25-34\n`;
    const bulk = await service.upload(this.admin, scene.cohortId, { originalname: 'participantes.csv', buffer: Buffer.from(csv) });
    if (applied) await service.confirm(this.admin, scene.cohortId, bulk.id, 'es');
    return bulk.id;
  }

  /**
   * An open attempt of the enrolled learner. Module quizzes are started through the page; the pre-test
   * (only before any module) and the post-test (only after all of them) are written directly, which is
   * what the routes that read or submit them need.
   */
  async attempt(scene: Scene, kind: 'module' | 'pre' | 'post'): Promise<number> {
    const { agent, csrf, user } = this.cast.enrolled;
    const attempts = this.app.get(DataSource).getRepository(QuizAttempt);
    if (kind === 'module') {
      const base = `/courses/${scene.slug}/modules/${scene.moduleKey}/quiz`;
      const response = await agent.post(`${base}/start`).type('form').send({ _csrf: csrf });
      if (response.status !== 303) throw new Error(`Starting ${base} failed with ${response.status}`);
      return (await attempts.findOneOrFail({ where: { userId: user!.id, courseId: scene.courseId, kind }, order: { id: 'DESC' } })).id;
    }
    const data = this.app.get(DataSource);
    const module = await data.getRepository(CourseModule).findOneByOrFail({ courseId: scene.courseId, kind: 'assessment' });
    const open = await attempts.findOneBy({ userId: user!.id, moduleId: module.id, kind, status: 'open' });
    if (open) return open.id;
    const version = await data.getRepository(ModuleVersion).findOneByOrFail({ moduleId: module.id, language: 'es', current: true });
    const count = await attempts.countBy({ userId: user!.id, moduleId: module.id, kind });
    // Several personas may ask at once: the unique index on open attempts lets one insert win.
    const saved = await attempts
      .save(
        attempts.create({
          userId: user!.id,
          courseId: scene.courseId,
          moduleId: module.id,
          moduleVersionId: version.id,
          kind,
          attemptNumber: count + 1,
          status: 'open',
          language: 'es',
          layout: buildLayout(version.questions, false, 1),
          answers: null,
          startedAt: new Date(),
          deadlineAt: null,
          submittedAt: null,
          late: false,
          questionCount: version.questions.length,
          correctCount: null,
          score: null,
          passed: null,
          passMark: 80,
        }),
      )
      .catch(() => attempts.findOneByOrFail({ userId: user!.id, moduleId: module.id, kind, status: 'open' }));
    return saved.id;
  }
}
