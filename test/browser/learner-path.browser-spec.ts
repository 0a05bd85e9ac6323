import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Enrolment } from '../../src/enrolments/enrolment.entity';
import { enrolledCourse } from '../utils/course-factories';
import { createUser } from '../utils/factories';
import { launchBrowser, phonePage, screenshot, serveTestApp, ServedApp } from './browser';
import {
  ANSWER_LEAK,
  answerQuiz,
  audit,
  follow,
  GOOD_PAGE,
  inspect,
  main,
  mainText,
  menu,
  press,
  scriptlessPhonePage,
  signIn,
  visit,
} from './journeys';

jest.setTimeout(600_000);

describe('a learner takes a course from the catalogue to completion, on a phone', () => {
  let served: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    served = await serveTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** On the quiz page: starts an attempt and checks that nothing in the page gives the answers away. */
  async function openAttempt(page: Page, button: string | RegExp = /^Comenzar/): Promise<void> {
    await press(page, button);
    expect(await main(page).getByRole('button', { name: 'Enviar respuestas' }).isVisible()).toBe(true);
    expect(await page.content()).not.toMatch(ANSWER_LEAK);
  }

  it('walks catalogue → course → pre-test → modules (one quiz failed, then passed) → post-test → completed', async () => {
    const learner = await createUser(served.app, { name: 'Lucía Hernández' });
    const built = await enrolledCourse(served.app, learner);
    const title = built.course.title.es;
    const base = `${served.baseUrl}/courses/${built.course.slug}`;
    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, learner.email);

    // Catalogue → course page.
    await visit(page, `${served.baseUrl}/courses`);
    expect(await inspect(page, 'learner-01-catalogue')).toEqual(GOOD_PAGE);
    await follow(page, title, true);
    expect(page.url()).toBe(base);
    expect(await mainText(page)).toContain('0 de 5 pasos completados');
    expect(await inspect(page, 'learner-02-course-start')).toEqual(GOOD_PAGE);

    // "Start" leads to the pre-test first (it says why, and offers one clear way to skip it).
    expect(await mainText(page)).toContain('La prueba inicial mide lo que ya sabe');
    expect(await main(page).getByRole('link', { name: 'Empezar sin la prueba inicial' }).isVisible()).toBe(true);
    await follow(page, 'Empezar con la prueba inicial');
    expect(page.url()).toBe(`${base}/pre-test`);
    await openAttempt(page);
    await answerQuiz(page, built.questions.assessment, { 'pt-q1': 'right', 'pt-q2': 'wrong', 'pt-q3': 'wrong', 'pt-q4': 'wrong' });
    await press(page, 'Enviar respuestas');
    expect(await mainText(page)).toContain('25 %');
    expect(await page.content()).not.toMatch(/FEEDBACK-|EXPLANATION-|Respuesta correcta/);
    expect(await inspect(page, 'learner-03-pre-test-result')).toEqual(GOOD_PAGE);

    // Module 1: read, fail the quiz, see why, retry and pass, mark complete.
    // Having taken the pre-test, the learner has started: the button now says "Continue".
    await visit(page, base);
    await follow(page, 'Continuar');
    expect(page.url()).toBe(`${base}/modules/01-conceptos`);
    expect(await mainText(page)).toContain('Lesson text for 01-conceptos');
    expect(await inspect(page, 'learner-04-module')).toEqual(GOOD_PAGE);
    await follow(page, 'Ir al cuestionario');
    await openAttempt(page);
    expect(await inspect(page, 'learner-05-quiz-form')).toEqual(GOOD_PAGE);
    await answerQuiz(page, built.questions['01-conceptos'], 'wrong');
    await press(page, 'Enviar respuestas');
    const failed = await mainText(page);
    expect(failed).toContain('No aprobado');
    expect(failed).toContain('0 de 3 respuestas correctas');
    expect(failed).toContain('Respuesta correcta');
    expect(failed).toContain('EXPLANATION-m1-q1');
    expect(await inspect(page, 'learner-06-quiz-failed')).toEqual(GOOD_PAGE);

    await follow(page, 'Intentar de nuevo');
    await openAttempt(page, 'Comenzar un nuevo intento');
    await answerQuiz(page, built.questions['01-conceptos'], 'right');
    // Switching language in the middle of the quiz keeps what is ticked (it is the same attempt).
    const ticked = await main(page)
      .locator('input:checked')
      .evaluateAll((inputs) => inputs.map((input) => input.id));
    expect(ticked.length).toBeGreaterThanOrEqual(3);
    await Promise.all([page.waitForNavigation(), page.locator('header').getByRole('button', { name: 'English' }).click()]);
    await audit(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(
      await main(page)
        .locator('input:checked')
        .evaluateAll((inputs) => inputs.map((input) => input.id)),
    ).toEqual(ticked);
    await Promise.all([page.waitForNavigation(), page.locator('header').getByRole('button', { name: 'Español' }).click()]);
    expect(
      await main(page)
        .locator('input:checked')
        .evaluateAll((inputs) => inputs.map((input) => input.id)),
    ).toEqual(ticked);
    await press(page, 'Enviar respuestas');
    expect(await mainText(page)).toContain('Respuestas enviadas: ¡aprobó!');
    expect(await mainText(page)).toContain('3 de 3 respuestas correctas');
    expect(await inspect(page, 'learner-07-quiz-passed')).toEqual(GOOD_PAGE);
    await follow(page, 'Volver al módulo');
    // Marking stays on the module and says what comes next.
    await press(page, 'Marcar como completado');
    expect(page.url()).toBe(`${base}/modules/01-conceptos#next-step`);
    expect(await main(page).locator('progress').getAttribute('value')).toBe('40'); // 2 of 5 steps
    expect(await mainText(page)).toContain('Siguiente módulo: [es] 02-indicadores');
    await follow(page, 'Ir al siguiente módulo');

    // Module 2: marked before its quiz, the learner lands on the quiz, not on another page.
    await press(page, 'Marcar como completado');
    expect(page.url()).toBe(`${base}/modules/02-indicadores/quiz`);
    expect(await mainText(page)).toContain('Ahora responda su cuestionario.');
    await openAttempt(page);
    await answerQuiz(page, built.questions['02-indicadores'], 'right');
    await press(page, 'Enviar respuestas');
    await follow(page, 'Volver al módulo');
    expect(await mainText(page)).toContain('Completó todos los módulos: siga con la prueba final.');

    // Post-test → the course is complete → the end page.
    await follow(page, 'Hacer la prueba final');
    await openAttempt(page);
    await answerQuiz(page, built.questions.assessment, 'right');
    await press(page, 'Enviar respuestas');
    const post = await mainText(page);
    expect(post).toContain('¡Felicitaciones! Completó el curso.');
    expect(post).toContain('Antes: 25 % · Después: 100 %');
    expect(await inspect(page, 'learner-08-post-test-result')).toEqual(GOOD_PAGE);
    await follow(page, 'Ver mi resultado');
    expect(page.url()).toBe(`${base}/completed`);
    const end = await mainText(page);
    expect(end).toContain('Curso completado');
    expect(end).toContain('Mejoró 75 puntos.');
    expect(end).toContain('Certificado');
    expect(end).toContain('Otros cursos para usted');
    expect(await inspect(page, 'learner-09-end-page')).toEqual(GOOD_PAGE);

    await visit(page, base);
    expect(await mainText(page)).toContain('Completó este curso el');
    expect(await main(page).getByRole('link', { name: 'Ver mi resultado' }).isVisible()).toBe(true);
    expect(await inspect(page, 'learner-09-course-completed')).toEqual(GOOD_PAGE);
    await menu(page, 'Mis cursos');
    const dashboard = await mainText(page);
    expect(dashboard).toContain(title);
    expect(dashboard).toContain('Completado el');
    expect(dashboard).toContain('Avance: 100 %');
    expect(await main(page).locator('progress').getAttribute('value')).toBe('100');
    expect(await inspect(page, 'learner-10-my-courses')).toEqual(GOOD_PAGE);

    const enrolment = await served.app.get(DataSource).getRepository(Enrolment).findOneByOrFail({ id: built.enrolment.id });
    expect(enrolment).toMatchObject({ preTestScore: 25, postTestScore: 100 });
    expect(enrolment.completedAt).not.toBeNull();
    await page.context().close();
  });

  it('takes a module quiz with JavaScript switched off: fails, retries and passes', async () => {
    const learner = await createUser(served.app);
    const built = await enrolledCourse(served.app, learner, { hasPreTest: false, assessment: null, hasPostTest: false });
    const page = await scriptlessPhonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, learner.email);
    await visit(page, `${served.baseUrl}/courses/${built.course.slug}/modules/01-conceptos`);
    await follow(page, 'Ir al cuestionario');
    await openAttempt(page);
    // Submitting with a question left out is refused with a message, nothing recorded.
    await answerQuiz(page, built.questions['01-conceptos'].slice(0, 2), 'right');
    await press(page, 'Enviar respuestas');
    expect(await mainText(page)).toContain('Falta responder la pregunta');
    await answerQuiz(page, built.questions['01-conceptos'].slice(2), 'wrong');
    await press(page, 'Enviar respuestas');
    expect(await mainText(page)).toContain('No aprobado');
    // No axe here: it runs as a script in the page, and scripts are off.
    await screenshot(page, 'learner-11-nojs-quiz-result');
    await follow(page, 'Intentar de nuevo');
    await openAttempt(page, 'Comenzar un nuevo intento');
    await answerQuiz(page, built.questions['01-conceptos'], 'right');
    await press(page, 'Enviar respuestas');
    expect(await mainText(page)).toContain('Respuestas enviadas: ¡aprobó!');
    await page.context().close();
  });
});
