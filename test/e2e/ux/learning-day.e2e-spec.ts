import { DataSource } from 'typeorm';
import { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { QuizAttempt } from '../../../src/quizzes/entities/quiz-attempt.entity';
import {
  addVersion,
  contentChanged,
  createCohort,
  createCourse,
  enrol,
  enrolledCourse,
  standardQuestions,
} from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';
import { answerPairs, postPairs, startAttempt, takeQuiz } from '../learning/quiz-helpers';

const DAY = 24 * 60 * 60 * 1000;

describe("the learner's day: no dead ends from the pre-test to the end page", () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  const data = () => testApp.app.get(DataSource);

  async function learnerIn(spec: Parameters<typeof enrolledCourse>[2] = {}) {
    const learner = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, learner);
    const built = await enrolledCourse(testApp.app, learner, spec);
    return { learner, agent, built, slug: built.course.slug };
  }

  it('leads "start the course" to the pre-test first, says why it matters, and offers one clear way to skip it', async () => {
    const { agent, slug, built, learner } = await learnerIn();
    const page = (await agent.get(`/courses/${slug}`)).text;
    expect(page).toContain(`<a class="button" href="/courses/${slug}/pre-test">Empezar con la prueba inicial</a>`);
    expect(page).toContain('La prueba inicial mide lo que ya sabe');
    expect(page).toContain(`<a href="/courses/${slug}/modules/01-conceptos">Empezar sin la prueba inicial</a>`);
    expect((await agent.get('/my/courses')).text).toContain(`href="/courses/${slug}/pre-test">Empezar con la prueba inicial</a>`);
    await takeQuiz(
      testApp.app,
      agent,
      `/courses/${slug}/pre-test`,
      learner.id,
      built.assessment!.id,
      built.questions.assessment,
      'right',
      'pre',
    );
    const after = (await agent.get(`/courses/${slug}`)).text;
    expect(after).toContain(`<a class="button" href="/courses/${slug}/modules/01-conceptos">Continuar</a>`);
    expect(after).not.toContain('Empezar sin la prueba inicial');
  });

  it('stays on the module after "mark as completed": its quiz when not passed yet, else the module with what comes next', async () => {
    const { agent, slug, built, learner } = await learnerIn({ hasPreTest: false });
    const m1 = `/courses/${slug}/modules/01-conceptos`;
    const marked = await submitForm(agent, m1, `${m1}/complete`, {});
    expect(marked.status).toBe(303);
    expect(marked.headers.location).toBe(`${m1}/quiz`);
    expect((await agent.get(marked.headers.location)).text).toContain('Módulo marcado como completado. Ahora responda su cuestionario.');
    await takeQuiz(testApp.app, agent, `${m1}/quiz`, learner.id, built.modules[0].id, built.questions['01-conceptos'], 'right');
    const page = (await agent.get(m1)).text;
    expect(page).toContain('id="next-step"');
    expect(page).toContain('Siguiente módulo: [es] 02-indicadores');
    expect(page).toContain(`<a class="button" href="/courses/${slug}/modules/02-indicadores">Ir al siguiente módulo</a>`);
    const m2 = `/courses/${slug}/modules/02-indicadores`;
    await takeQuiz(testApp.app, agent, `${m2}/quiz`, learner.id, built.modules[1].id, built.questions['02-indicadores'], 'right');
    const last = await submitForm(agent, m2, `${m2}/complete`, {});
    expect(last.headers.location).toBe(`${m2}#next-step`);
    expect((await agent.get(m2)).text).toContain(`<a class="button" href="/courses/${slug}/post-test">Hacer la prueba final</a>`);
  });

  it('gives the completed learner an end page (result, gain, certificate slot, other courses) and keeps completion when a module is added later', async () => {
    const { agent, slug, built, learner } = await learnerIn({ completionRule: { modules: false, quizzes: true, postTest: true } });
    const other = await createCourse(testApp.app, { topic: 'trafficking' });
    await takeQuiz(
      testApp.app,
      agent,
      `/courses/${slug}/pre-test`,
      learner.id,
      built.assessment!.id,
      built.questions.assessment,
      { 'pt-q1': 'right', 'pt-q2': 'wrong', 'pt-q3': 'wrong', 'pt-q4': 'wrong' },
      'pre',
    );
    for (const [index, module] of built.modules.entries()) {
      await takeQuiz(
        testApp.app,
        agent,
        `/courses/${slug}/modules/${module.key}/quiz`,
        learner.id,
        module.id,
        built.questions[built.modules[index].key],
        'right',
      );
    }
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
    expect(response.status).toBe(303);
    const course = (await agent.get(`/courses/${slug}`)).text;
    expect(course).toContain(`<a class="button" href="/courses/${slug}/completed">Ver mi resultado</a>`);
    const end = await agent.get(`/courses/${slug}/completed`);
    expect(end.status).toBe(200);
    expect(end.text).toContain('<title>Curso completado · ');
    expect(end.text).toContain('Prueba inicial: 25\u00a0%');
    expect(end.text).toContain('Prueba final: 100\u00a0%');
    expect(end.text).toContain('Mejoró 75 puntos.');
    expect(end.text).toContain('id="certificate-heading"');
    expect(end.text).toContain(`href="/courses/${other.course.slug}/cohorts"`);
    expect(end.text).not.toContain(`href="/courses/${slug}/cohorts"`);
    // A facilitator adds a module afterwards: the completion stands, the new module is "new", never "77 %".
    const data = testApp.app.get(DataSource);
    const moduleRepo = data.getRepository('CourseModule');
    const added = await moduleRepo.save(
      moduleRepo.create({ courseId: built.course.id, key: '03-nuevo', kind: 'lesson', position: 3, minutes: 10, active: true }),
    );
    for (const language of ['es', 'en'])
      await addVersion(data, added as never, language, 1, standardQuestions('m3'), built.course.quizDefaults as never);
    await contentChanged(testApp.app);
    const again = (await agent.get(`/courses/${slug}`)).text;
    expect(again).toContain('value="100"');
    expect(again).toContain('Desde que completó el curso se agregó 1 módulo nuevo');
    expect(again).toContain('Nuevo desde que completó el curso');
    expect(again).toContain('4 de 4 pasos completados (100\u00a0%)'); // without the rule: 3 of 4, 75 %
    const dashboard = (await agent.get('/my/courses')).text;
    expect(dashboard).toContain('Avance: 100\u00a0%');
    expect(dashboard).toContain(`href="/courses/${slug}/completed"`);
    // Not completed: the end page sends the learner back to the course.
    const { agent: newcomer, slug: fresh } = await learnerIn();
    const early = await newcomer.get(`/courses/${fresh}/completed`);
    expect(early.status).toBe(303);
    expect(early.headers.location).toBe(`/courses/${fresh}`);
  });

  it('keeps the ticked answers when the language is switched in the middle of a quiz', async () => {
    const { agent, slug, built, learner } = await learnerIn({ hasPreTest: false });
    const base = `/courses/${slug}/modules/01-conceptos/quiz`;
    const attempt = await startAttempt(testApp.app, agent, base, learner.id, built.modules[0].id);
    const page = (await agent.get(base)).text;
    expect(page).toContain('<form method="post" action="' + `${base}/attempts/${attempt.id}` + '" class="quiz-form" id="quiz-attempt">');
    expect(page).toContain(`form="quiz-attempt" formaction="${base}/attempts/${attempt.id}/language"`);
    const ticked = answerPairs(attempt, built.questions['01-conceptos'], 'right').slice(0, 2);
    const switched = await postPairs(agent, base, `${base}/attempts/${attempt.id}/language`, [...ticked, ['lang', 'en']]);
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe(base);
    const english = (await agent.get(base)).text;
    expect(english).toContain('<html lang="en">');
    for (const [, letter] of ticked) expect(english).toMatch(new RegExp(`value="${letter}" checked`));
    expect(await data().getRepository(QuizAttempt).findOneByOrFail({ id: attempt.id })).toMatchObject({ status: 'open' });
    // Nothing was graded: the same attempt is submitted afterwards as usual.
    const submitted = await postPairs(
      agent,
      base,
      `${base}/attempts/${attempt.id}`,
      answerPairs(attempt, built.questions['01-conceptos'], 'right'),
    );
    expect(submitted.status).toBe(303);
  });

  it('shows the start date and keeps the modules closed before the cohort starts, unless the cohort allows early access', async () => {
    const learner = await createUser(testApp.app);
    const agent: Agent = await signedInAgent(testApp.app, learner);
    const built = await createCourse(testApp.app);
    const startsAt = new Date(Date.now() + 60 * DAY);
    const cohort = await createCohort(testApp.app, built.course, { startsAt, endsAt: new Date(Date.now() + 120 * DAY) });
    await enrol(testApp.app, learner, built.course, cohort);
    const slug = built.course.slug;
    const page = (await agent.get(`/courses/${slug}`)).text;
    expect(page).toContain('Su cohorte empieza el ');
    expect(page).not.toContain(`href="/courses/${slug}/modules/01-conceptos"`);
    expect(page).not.toContain(`href="/courses/${slug}/pre-test"`);
    const closed = await agent.get(`/courses/${slug}/modules/01-conceptos`);
    expect(closed.status).toBe(403);
    expect(closed.text).toContain('se abren el día de inicio de su cohorte');
    expect((await agent.get(`/courses/${slug}/pre-test`)).status).toBe(403);
    expect((await agent.get('/my/courses')).text).toContain('Empieza el ');
    await data().getRepository(Cohort).update({ id: cohort.id }, { earlyAccess: true });
    expect((await agent.get(`/courses/${slug}/modules/01-conceptos`)).status).toBe(200);
    expect((await agent.get(`/courses/${slug}`)).text).toContain(`href="/courses/${slug}/pre-test"`);
  });

  it('lets a coordinator switch early access on in the cohort form (off by default)', async () => {
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    const built = await createCourse(testApp.app);
    const form = await coordinator.get('/cohorts/new');
    expect(form.text).toMatch(/<input type="checkbox" id="earlyAccess" name="earlyAccess" value="1" aria-describedby="earlyAccess-help" >/);
    const fields = {
      courseId: String(built.course.id),
      name: 'Trata 2027, anticipada',
      country: 'SV',
      startsOn: '2027-02-01',
      endsOn: '2027-04-30',
      enrolmentMode: 'open',
    };
    const off = await submitForm(coordinator, '/cohorts/new', '/cohorts', fields);
    expect(off.status).toBe(303);
    expect(await data().getRepository(Cohort).findOneByOrFail({ name: fields.name })).toMatchObject({ earlyAccess: false });
    const on = await submitForm(coordinator, '/cohorts/new', '/cohorts', { ...fields, name: 'Trata 2027, con acceso', earlyAccess: '1' });
    expect(on.status).toBe(303);
    const cohort = await data().getRepository(Cohort).findOneByOrFail({ name: 'Trata 2027, con acceso' });
    expect(cohort.earlyAccess).toBe(true);
    expect((await coordinator.get(`/cohorts/${cohort.id}`)).text).toContain('Anticipado: los inscritos pueden empezar antes del inicio');
  });
});
