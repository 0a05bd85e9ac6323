import request from 'supertest';
import { DataSource } from 'typeorm';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { ModuleProgress } from '../../../src/progress/module-progress.entity';
import { User } from '../../../src/users/user.entity';
import { assignFacilitator, BuiltCourse, createCohort, createCourse, enrol } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { postPairs, startAttempt, takeQuiz } from './quiz-helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('who sees course content', () => {
  let testApp: TestApp;
  let built: BuiltCourse;
  let slug: string;
  let owner: User;
  let ownerAgent: Agent;
  let ownerAttemptId: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    built = await createCourse(testApp.app);
    slug = built.course.slug;
    const cohort = await createCohort(testApp.app, built.course);
    owner = await createUser(testApp.app);
    await enrol(testApp.app, owner, built.course, cohort);
    ownerAgent = await signedInAgent(testApp.app, owner);
    const { attempt } = await takeQuiz(
      testApp.app,
      ownerAgent,
      `/courses/${slug}/modules/01-conceptos/quiz`,
      owner.id,
      built.modules[0].id,
      built.questions['01-conceptos'],
      'right',
    );
    ownerAttemptId = attempt.id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const contentPaths = () => [
    `/courses/${slug}/modules/01-conceptos`,
    `/courses/${slug}/modules/no-such-module`,
    `/courses/no-such-course/modules/01-conceptos`,
    `/courses/${slug}/modules/01-conceptos/quiz`,
    `/courses/${slug}/modules/01-conceptos/quiz/attempts/${ownerAttemptId}`,
    `/courses/${slug}/modules/01-conceptos/quiz/attempts/999999`,
    `/courses/${slug}/modules/01-conceptos/quiz/attempts/not-a-number`,
    `/courses/${slug}/pre-test`,
    `/courses/${slug}/post-test`,
    `/courses/${slug}/attempts`,
  ];

  it('answers 404 to a signed-in learner without an enrolment, for existing and missing ids alike', async () => {
    const outsider = await signedInAgent(testApp.app, await createUser(testApp.app));
    for (const path of contentPaths()) {
      const response = await outsider.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    for (const action of [
      `/courses/${slug}/modules/01-conceptos/complete`,
      `/courses/${slug}/modules/01-conceptos/quiz/start`,
      `/courses/${slug}/modules/01-conceptos/quiz/attempts/${ownerAttemptId}`,
      `/courses/${slug}/pre-test/start`,
    ]) {
      const response = await postPairs(outsider, '/courses', action, []);
      expect({ action, status: response.status }).toEqual({ action, status: 404 });
    }
  });

  it("answers 404 to another enrolled learner asking for someone else's attempt", async () => {
    const classmate = await createUser(testApp.app);
    await enrol(testApp.app, classmate, built.course, await createCohort(testApp.app, built.course));
    const agent = await signedInAgent(testApp.app, classmate);
    expect((await agent.get(`/courses/${slug}/modules/01-conceptos`)).status).toBe(200);
    expect((await agent.get(`/courses/${slug}/modules/01-conceptos/quiz/attempts/${ownerAttemptId}`)).status).toBe(404);
    const replay = await postPairs(
      agent,
      `/courses/${slug}/modules/01-conceptos/quiz`,
      `/courses/${slug}/modules/01-conceptos/quiz/attempts/${ownerAttemptId}`,
      [],
    );
    expect(replay.status).toBe(404);
  });

  it('gives nothing to pending, withdrawn or moved enrolments', async () => {
    for (const status of ['pending', 'withdrawn', 'moved'] as const) {
      const user = await createUser(testApp.app);
      await enrol(testApp.app, user, built.course, await createCohort(testApp.app, built.course), { status });
      const agent = await signedInAgent(testApp.app, user);
      expect({ status, code: (await agent.get(`/courses/${slug}/modules/01-conceptos`)).status }).toEqual({ status, code: 404 });
    }
  });

  it('sends visitors to the login page', async () => {
    const response = await request(testApp.server).get(`/courses/${slug}/modules/01-conceptos`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toContain('/auth/login');
  });

  it("lets a facilitator of one of the course's cohorts read, but not answer", async () => {
    const facilitator = await createUser(testApp.app, { role: 'facilitator' });
    const agent = await signedInAgent(testApp.app, facilitator);
    expect((await agent.get(`/courses/${slug}/modules/01-conceptos`)).status).toBe(404);
    await assignFacilitator(testApp.app, await createCohort(testApp.app, built.course), facilitator);
    const page = await agent.get(`/courses/${slug}/modules/01-conceptos`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('como personal');
    expect(page.text).not.toContain('/complete"');
    const quiz = await agent.get(`/courses/${slug}/modules/01-conceptos/quiz`);
    expect(quiz.status).toBe(200);
    expect(quiz.text).not.toContain('/quiz/start"');
    expect((await postPairs(agent, `/courses/${slug}`, `/courses/${slug}/modules/01-conceptos/quiz/start`, [])).status).toBe(403);
  });

  it('lets coordinators and admins read every course', async () => {
    for (const role of ['coordinator', 'admin'] as const) {
      const agent = await signedInAgent(testApp.app, await createUser(testApp.app, { role }));
      expect({ role, status: (await agent.get(`/courses/${slug}/modules/02-indicadores`)).status }).toEqual({ role, status: 200 });
    }
  });

  describe('after the cohort ends', () => {
    let learner: User;
    let agent: Agent;
    let enrolment: Enrolment;

    beforeAll(async () => {
      learner = await createUser(testApp.app);
      const ended = await createCohort(testApp.app, built.course, {
        startsAt: new Date(Date.now() - 90 * DAY),
        endsAt: new Date(Date.now() - DAY),
      });
      enrolment = await enrol(testApp.app, learner, built.course, ended);
      agent = await signedInAgent(testApp.app, learner);
    });

    it('still shows the content and results, with a notice, but records nothing new', async () => {
      const page = await agent.get(`/courses/${slug}/modules/01-conceptos`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Su cohorte ya terminó');
      const start = await postPairs(
        agent,
        `/courses/${slug}/modules/01-conceptos/quiz`,
        `/courses/${slug}/modules/01-conceptos/quiz/start`,
        [],
      );
      expect(start.status).toBe(403);
      expect(start.text).toContain('Su cohorte ya terminó');
      const mark = await postPairs(agent, `/courses/${slug}/modules/01-conceptos`, `/courses/${slug}/modules/01-conceptos/complete`, []);
      expect(mark.status).toBe(403);
      expect(await testApp.app.get(DataSource).getRepository(ModuleProgress).countBy({ userId: learner.id })).toBe(0);
    });

    it('allows new attempts again while an extension lasts', async () => {
      await testApp.app
        .get(DataSource)
        .getRepository(Enrolment)
        .update({ id: enrolment.id }, { accessExtendedUntil: new Date(Date.now() + 7 * DAY) });
      const attempt = await startAttempt(testApp.app, agent, `/courses/${slug}/modules/01-conceptos/quiz`, learner.id, built.modules[0].id);
      expect(attempt.status).toBe('open');
    });
  });

  it('keeps progress when a learner moves to another cohort of the same course', async () => {
    const mover = await createUser(testApp.app);
    const first = await enrol(testApp.app, mover, built.course, await createCohort(testApp.app, built.course));
    const agent = await signedInAgent(testApp.app, mover);
    await postPairs(agent, `/courses/${slug}/modules/01-conceptos`, `/courses/${slug}/modules/01-conceptos/complete`, []);
    const repository = testApp.app.get(DataSource).getRepository(Enrolment);
    await repository.update({ id: first.id }, { status: 'moved' });
    await enrol(testApp.app, mover, built.course, await createCohort(testApp.app, built.course, { name: 'Segunda cohorte' }));
    const page = await agent.get(`/courses/${slug}`);
    expect(page.text).toContain('Segunda cohorte');
    expect(page.text).toContain('1 de 5 pasos completados');
  });
});

describe('catalogue', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('filters by topic and language and hides unpublished courses', async () => {
    const trafficking = await createCourse(testApp.app, { topic: 'trafficking', languages: ['es', 'en'] });
    const children = await createCourse(testApp.app, { topic: 'children', languages: ['es'] });
    const hidden = await createCourse(testApp.app, { topic: 'children', published: false });
    const list = async (query: string) => (await request(testApp.server).get(`/courses${query}`)).text;
    const all = await list('');
    expect(all).toContain(`/courses/${trafficking.course.slug}"`);
    expect(all).toContain(`/courses/${children.course.slug}"`);
    expect(all).not.toContain(`/courses/${hidden.course.slug}"`);
    const byTopic = await list('?topic=children');
    expect(byTopic).toContain(`/courses/${children.course.slug}"`);
    expect(byTopic).not.toContain(`/courses/${trafficking.course.slug}"`);
    const english = await list('?topic=&language=en');
    expect(english).toContain(`/courses/${trafficking.course.slug}"`);
    expect(english).not.toContain(`/courses/${children.course.slug}"`);
    expect((await request(testApp.server).get(`/courses/${hidden.course.slug}`)).status).toBe(404);
    expect((await request(testApp.server).get('/courses/no-such-course')).status).toBe(404);
  });

  it('counts only cohorts a learner could join now', async () => {
    const built = await createCourse(testApp.app);
    await createCohort(testApp.app, built.course);
    await createCohort(testApp.app, built.course, { endsAt: new Date(Date.now() - DAY) });
    await createCohort(testApp.app, built.course, { enrolmentClosesAt: new Date(Date.now() - DAY) });
    await createCohort(testApp.app, built.course, { enrolmentMode: 'invitation' });
    await createCohort(testApp.app, built.course, { archivedAt: new Date() });
    const page = await request(testApp.server).get('/courses').query({ topic: 'trafficking' });
    const card = page.text.slice(page.text.indexOf(`/courses/${built.course.slug}"`));
    expect(card.slice(0, 600)).toContain('1 cohorte abierta');
  });

  it('shows the course in English to an English reader, falling back to the first language', async () => {
    const spanishOnly = await createCourse(testApp.app, { languages: ['es'] });
    const agent = request.agent(testApp.server);
    await postPairs(agent, '/courses', '/language', [
      ['lang', 'en'],
      ['next', '/courses'],
    ]);
    const page = await agent.get(`/courses/${spanishOnly.course.slug}`);
    expect(page.text).toContain('Syllabus');
    expect(page.text).toContain('[es] 01-conceptos');
  });
});
