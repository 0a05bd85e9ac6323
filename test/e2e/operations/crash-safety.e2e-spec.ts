import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, prepareData } from '../../../src/app.bootstrap';
import { loadConfig } from '../../../src/config/app-config';
import { quickUser } from '../../utils/access-world';
import { createCohort, createCourse, enrol } from '../../utils/course-factories';
import { createUser, DEFAULT_PASSWORD } from '../../utils/factories';
import { Agent, csrfToken } from '../../utils/test-app';
import { createTestDatabase, TestDatabase } from '../../utils/test-database';
import { buildApp, ChildServer, startServer } from './child-server';

/**
 * Crash safety: the built app runs as its own process; a burst of quiz
 * submissions and enrolments is fired at it and the process is killed with
 * SIGKILL in the middle. After a restart, every request that was answered with
 * success is in the database, nothing is half-written, and (SQLite) the file
 * passes `PRAGMA integrity_check`.
 */
const LEARNERS = 10;
const CAPACITY = 6;

async function fixtureApp(database: TestDatabase): Promise<NestExpressApplication> {
  const config = { ...loadConfig({ SEED_DEMO: 'false' }), database: database.config, seedDemo: false, importContentOnStart: false };
  const app = await createApp(config, { logger: false });
  await prepareData(app, config);
  await app.init();
  return app;
}

interface Success {
  kind: 'submit';
  attemptId: number;
}
type Answered = Success | { kind: 'enrol'; userId: number };

describe('crash safety: SIGKILL during a burst of submissions and enrolments', () => {
  let database: TestDatabase;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    await buildApp();
    database = await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database.drop();
  });

  it('keeps every answered request and leaves nothing half-written', async () => {
    // The data: a course with a quiz the learners are enrolled in, and an open cohort of another course with few places.
    let app = await fixtureApp(database);
    const quizCourse = await createCourse(app, { quiz: { maxAttempts: 0, shuffle: false } });
    const quizCohort = await createCohort(app, quizCourse.course);
    const seatsCourse = await createCourse(app);
    const seats = await createCohort(app, seatsCourse.course, { capacity: CAPACITY });
    const learners = [];
    for (let index = 0; index < LEARNERS; index += 1) {
      // One real password hash; the others reuse it.
      const user = index === 0 ? await createUser(app) : await quickUser(app, 'learner');
      await enrol(app, user, quizCourse.course, quizCohort);
      learners.push(user);
    }
    await app.close();

    server = await startServer(database.config);
    const agents: Agent[] = [];
    for (const user of learners) {
      const agent = request.agent(server.url);
      const token = await csrfToken(agent, '/auth/login');
      const login = await agent.post('/auth/login').type('form').send({ email: user.email, password: DEFAULT_PASSWORD, _csrf: token });
      expect(login.status).toBe(303);
      agents.push(agent);
    }

    const answered: Answered[] = [];
    const quizPath = `/courses/${quizCourse.course.slug}/modules/${quizCourse.modules[0].key}/quiz`;
    let killed = false;
    const running = server;
    const chain = async (agent: Agent, userId: number) => {
      const token = await csrfToken(agent, '/profile');
      const enrolment = agent
        .post(`/courses/${seatsCourse.course.slug}/cohorts/${seats.id}/enrol`)
        .type('form')
        .send({ _csrf: token })
        .then(
          (response) => {
            // Enrolled (not refused as full): sent to the course page.
            if (response.status === 303 && response.headers.location === `/courses/${seatsCourse.course.slug}`)
              answered.push({ kind: 'enrol', userId });
          },
          () => undefined,
        ); // cut by the kill: no answer, nothing to check
      for (let round = 0; round < 5; round += 1) {
        await agent.post(`${quizPath}/start`).type('form').send({ _csrf: token });
        const page = await agent.get(quizPath);
        const attemptId = Number(/\/attempts\/(\d+)"/.exec(page.text)?.[1]);
        const submitted = await agent.post(`${quizPath}/attempts/${attemptId}`).type('form').send({ confirmIncomplete: '1', _csrf: token });
        if (submitted.status === 303 && String(submitted.headers.location).endsWith(`/attempts/${attemptId}`))
          answered.push({ kind: 'submit', attemptId });
        if (answered.length >= LEARNERS && !killed) {
          killed = true;
          await running.kill('SIGKILL');
        }
      }
      await enrolment;
    };
    // Requests cut by the kill fail with a socket error: they got no answer, so nothing is promised about them.
    await Promise.all(learners.map((user, index) => chain(agents[index], user.id).catch(() => undefined)));
    expect(killed).toBe(true);
    expect(running.process.signalCode).toBe('SIGKILL');

    // Restart: the app starts on the same database and answers.
    server = await startServer(database.config);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    app = await fixtureApp(database);
    const data = app.get(DataSource);
    try {
      const attempts = await data.query<
        { id: number; status: string; score: number | null; submittedAt: string | null; correctCount: number | null }[]
      >('SELECT id, status, score, "submittedAt", "correctCount" FROM quiz_attempt');
      for (const { attemptId } of answered.filter((entry): entry is Success => entry.kind === 'submit')) {
        expect(attempts.find((attempt) => Number(attempt.id) === attemptId)?.status).toBe('submitted');
      }
      for (const attempt of attempts) {
        const graded = attempt.score !== null && attempt.submittedAt !== null && attempt.correctCount !== null;
        expect({ id: attempt.id, status: attempt.status, graded }).toEqual({
          id: attempt.id,
          status: attempt.status,
          graded: attempt.status === 'submitted',
        });
      }
      const active = await data.query<{ userId: number }[]>(
        `SELECT "userId" FROM enrolment WHERE "cohortId" = ${seats.id} AND status = 'active'`,
      );
      for (const entry of answered.filter((item) => item.kind === 'enrol'))
        expect(active.map((row) => Number(row.userId))).toContain(entry.userId);
      expect(active.length).toBeLessThanOrEqual(CAPACITY);
      expect(new Set(active.map((row) => Number(row.userId))).size).toBe(active.length);
      if (database.config.kind === 'sqlite') {
        expect(await data.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }
    } finally {
      await app.close();
    }
    // And the site works: a learner signs in again and sees their results.
    const agent = request.agent(server.url);
    const token = await csrfToken(agent, '/auth/login');
    expect(
      (await agent.post('/auth/login').type('form').send({ email: learners[0].email, password: DEFAULT_PASSWORD, _csrf: token })).status,
    ).toBe(303);
    expect((await agent.get(`/courses/${quizCourse.course.slug}/attempts`)).status).toBe(200);
  }, 300_000);
});
