import request from 'supertest';
import { DataSource } from 'typeorm';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { knowledgeGain } from '../../../src/progress/completion-rule';
import { User } from '../../../src/users/user.entity';
import { enrolledCourse } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { postPairs, takeQuiz } from './quiz-helpers';

describe('learner path: catalogue to completed', () => {
  let testApp: TestApp;
  let learner: User;
  let agent: Agent;
  let built: Awaited<ReturnType<typeof enrolledCourse>>;
  let slug: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    learner = await createUser(testApp.app);
    agent = await signedInAgent(testApp.app, learner);
    built = await enrolledCourse(testApp.app, learner);
    slug = built.course.slug;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const m1 = () => built.modules[0];
  const m2 = () => built.modules[1];
  const modulePath = (key: string) => `/courses/${slug}/modules/${key}`;
  const enrolment = () => testApp.app.get(DataSource).getRepository(Enrolment).findOneByOrFail({ id: built.enrolment.id });

  it('lists the course in the public catalogue, with its open cohort', async () => {
    const page = await request(testApp.server).get('/courses');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/courses/${slug}"`);
    expect(page.text).toContain('1 cohorte abierta');
  });

  it('shows visitors the summary and syllabus with a way to enrol, but no lesson links', async () => {
    const page = await request(testApp.server).get(`/courses/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('[es] 01-conceptos');
    expect(page.text).toContain(`href="/courses/${slug}/cohorts"`);
    expect(page.text).not.toContain(`href="${modulePath('01-conceptos')}"`);
  });

  it('offers the enrolled learner a start button that leads to the pre-test first, and a way to start without it', async () => {
    const page = await agent.get(`/courses/${slug}`);
    expect(page.text).toContain(`<a class="button" href="/courses/${slug}/pre-test">Empezar con la prueba inicial</a>`);
    expect(page.text).toContain(`<a href="${modulePath('01-conceptos')}">Empezar sin la prueba inicial</a>`);
  });

  it('takes the pre-test: score only, no answers revealed, stored on the enrolment', async () => {
    const { response, attempt } = await takeQuiz(
      testApp.app,
      agent,
      `/courses/${slug}/pre-test`,
      learner.id,
      built.assessment!.id,
      built.questions.assessment,
      { 'pt-q1': 'right', 'pt-q2': 'wrong', 'pt-q3': 'wrong', 'pt-q4': 'wrong' },
      'pre',
    );
    expect(response.status).toBe(303);
    const result = await agent.get(response.headers.location);
    expect(result.text).toContain('25\u00a0%');
    expect(result.text).not.toMatch(/FEEDBACK-|EXPLANATION-|Respuesta correcta/);
    expect(attempt.kind).toBe('pre');
    expect((await enrolment()).preTestScore).toBe(25);
    // One attempt only.
    const again = await postPairs(agent, `/courses/${slug}/pre-test`, `/courses/${slug}/pre-test/start`, []);
    expect((await agent.get(again.headers.location)).text).toContain('Ya hizo la prueba inicial');
  });

  it('shows the module: lesson, progress, quiz, mark as complete, next link; light and script-free', async () => {
    const page = await agent.get(modulePath('01-conceptos'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lesson text for 01-conceptos');
    expect(page.text).toContain('<progress max="100" value="0"');
    expect(page.text).toContain(`action="${modulePath('01-conceptos')}/complete"`);
    expect(page.text).toContain(`href="${modulePath('01-conceptos')}/quiz"`);
    expect(page.text).toContain(`href="${modulePath('02-indicadores')}" rel="next"`);
    expect(page.text).toContain('name="viewport"');
    expect(page.text).not.toMatch(/<script|@font-face|fonts\.googleapis/i);
    expect(Buffer.byteLength(page.text)).toBeLessThan(30 * 1024);
  });

  it('passes the first module quiz and marks the module complete, staying on it with the next module offered', async () => {
    const { response } = await takeQuiz(
      testApp.app,
      agent,
      `${modulePath('01-conceptos')}/quiz`,
      learner.id,
      m1().id,
      built.questions['01-conceptos'],
      'right',
    );
    expect(response.status).toBe(303);
    const result = await agent.get(response.headers.location);
    expect(result.text).toContain('¡aprobó!');
    expect(result.text).toContain('100\u00a0%');
    const marked = await postPairs(agent, modulePath('01-conceptos'), `${modulePath('01-conceptos')}/complete`, []);
    expect(marked.status).toBe(303);
    expect(marked.headers.location).toBe(`${modulePath('01-conceptos')}#next-step`);
    const course = await agent.get(`/courses/${slug}`);
    expect(course.text).toContain('Continuar');
    expect(course.text).toContain(`<a class="button" href="${modulePath('02-indicadores')}">`);
    expect(course.text).toContain('2 de 5 pasos completados');
  });

  it('keeps the post-test closed until every module is done', async () => {
    const locked = await postPairs(agent, `/courses/${slug}/post-test`, `/courses/${slug}/post-test/start`, []);
    expect((await agent.get(locked.headers.location)).text).toContain('La prueba final se abre cuando termine todos los módulos');
  });

  it('finishes the second module and is led to the post-test, on the dashboard too', async () => {
    await takeQuiz(
      testApp.app,
      agent,
      `${modulePath('02-indicadores')}/quiz`,
      learner.id,
      m2().id,
      built.questions['02-indicadores'],
      'right',
    );
    const marked = await postPairs(agent, modulePath('02-indicadores'), `${modulePath('02-indicadores')}/complete`, []);
    expect(marked.headers.location).toBe(`${modulePath('02-indicadores')}#next-step`);
    expect((await agent.get(modulePath('02-indicadores'))).text).toContain(
      `<a class="button" href="/courses/${slug}/post-test">Hacer la prueba final</a>`,
    );
    expect((await agent.get(`/courses/${slug}`)).text).toContain(`<a class="button" href="/courses/${slug}/post-test">`);
    const dashboard = await agent.get('/my/courses');
    expect(dashboard.text).toContain('Siguiente paso: la prueba final');
    expect(dashboard.text).toContain(`href="/courses/${slug}/post-test"`);
    expect((await enrolment()).completedAt).toBeNull();
  });

  it('passes the post-test and completes the course once, with before/after scores', async () => {
    const { response } = await takeQuiz(
      testApp.app,
      agent,
      `/courses/${slug}/post-test`,
      learner.id,
      built.assessment!.id,
      built.questions.assessment,
      'right',
      'post',
    );
    const result = await agent.get(response.headers.location);
    expect(result.text).toContain('¡Felicitaciones! Completó el curso.');
    expect(result.text).toContain('Antes: 25\u00a0% · Después: 100\u00a0%');
    const stored = await enrolment();
    expect(stored.completedAt).not.toBeNull();
    expect(stored.postTestScore).toBe(100);
    expect(knowledgeGain(stored.preTestScore, stored.postTestScore)).toBe(75);
    expect(stored.lastActivityAt).not.toBeNull();
  });

  it('shows "completed" on the course page and the dashboard', async () => {
    const course = await agent.get(`/courses/${slug}`);
    expect(course.text).toContain('Completó este curso el');
    expect(course.text).toContain(`<a class="button" href="/courses/${slug}/completed">Ver mi resultado</a>`);
    const dashboard = await agent.get('/my/courses');
    expect(dashboard.text).toContain('Completado el');
    expect(dashboard.text).toContain('Avance: 100\u00a0%');
  });

  it('lists every attempt in the history page', async () => {
    const history = await agent.get(`/courses/${slug}/attempts`);
    expect(history.status).toBe(200);
    expect(history.text).toContain('Prueba inicial');
    expect(history.text).toContain('Prueba final');
    expect(history.text).toContain('[es] 01-conceptos');
    expect(history.text.match(/<tr>/g)?.length).toBe(5); // header + 4 attempts
  });
});
