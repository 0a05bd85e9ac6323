import { Browser } from 'playwright-core';
import { createCohort, enrol } from '../utils/cohort-factories';
import { assignEditor, courseBySlug, FIXTURE_SLUG, importFixtureCourse, versionsOf } from '../utils/content-factories';
import { createUser } from '../utils/factories';
import { launchBrowser, phonePage, serveTestApp, ServedApp } from './browser';
import { follow, GOOD_PAGE, inspect, main, mainText, menu, press, signIn, visit } from './journeys';

jest.setTimeout(300_000);

const FILE = '01-bienvenida.es.md';
const COURSE_TITLE = 'Curso de prueba: importación';

describe('a facilitator edits a module on a phone, and learners see the change', () => {
  let served: ServedApp;
  let browser: Browser;
  let courseId: number;
  beforeAll(async () => {
    served = await serveTestApp();
    browser = await launchBrowser();
    courseId = await importFixtureCourse(served.app);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('breaks a quiz, sees the error at its line with the text kept, previews the fix, saves, and the lesson changes', async () => {
    const facilitator = await createUser(served.app, { role: 'facilitator', name: 'Marta Editora' });
    await assignEditor(served.app, courseId, facilitator.id);
    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, facilitator.email);

    await menu(page, /Autoría/);
    await follow(page, COURSE_TITLE);
    expect(await inspect(page, 'authoring-01-course')).toEqual(GOOD_PAGE);
    await follow(page, `Editar ${FILE}`);
    const textarea = main(page).getByLabel(`Texto de ${FILE} (Markdown)`);
    const original = await textarea.inputValue();
    expect(original).toContain('- [x] Dos');
    expect(await inspect(page, 'authoring-02-editor')).toEqual(GOOD_PAGE);

    // The mistake: a new lesson sentence, and question b1 left without a right option.
    const broken = original
      .replace('Este es el **primer módulo**.', 'Este es el **módulo de bienvenida**.')
      .replace('- [x] Dos', '- [ ] Dos');
    await textarea.fill(broken);
    await press(page, 'Guardar');
    const refused = await mainText(page);
    const line = broken.split('\n').findIndex((text) => text.startsWith('### b1')) + 1;
    expect(refused).toContain('no se guardó nada');
    expect(refused).toContain(`Línea ${line}`);
    expect(refused).toContain('La pregunta "b1" no tiene opción correcta');
    expect(await textarea.inputValue()).toBe(broken);
    expect(await textarea.getAttribute('aria-invalid')).toBe('true');
    expect(await inspect(page, 'authoring-03-refused')).toEqual(GOOD_PAGE);
    expect(await versionsOf(served.app, courseId, '01-bienvenida', 'es')).toHaveLength(1);

    // The fix, previewed first: rendered as learners will see it, nothing saved yet.
    await textarea.fill(broken.replace('- [ ] Dos', '- [x] Dos'));
    await press(page, 'Vista previa');
    const preview = main(page).locator('.authoring-preview');
    expect(await mainText(page)).toContain('Sin errores: se puede guardar.');
    expect(await preview.locator('strong', { hasText: 'módulo de bienvenida' }).count()).toBe(1);
    expect(await preview.innerText()).toContain('correcta');
    // The course's media load in the preview as they will for learners (the fixture map is 4 px wide).
    expect(await page.evaluate<number>('document.querySelector(".authoring-preview img").naturalWidth')).toBe(4);
    expect(await inspect(page, 'authoring-04-preview')).toEqual(GOOD_PAGE);
    expect(await versionsOf(served.app, courseId, '01-bienvenida', 'es')).toHaveLength(1);

    await press(page, 'Guardar');
    expect(await mainText(page)).toContain(`${FILE} guardado: versión 2.`);
    expect(await textarea.inputValue()).toContain('Este es el **módulo de bienvenida**.');
    expect(await inspect(page, 'authoring-05-saved')).toEqual(GOOD_PAGE);
    const [live] = await versionsOf(served.app, courseId, '01-bienvenida', 'es');
    expect(live.version).toBe(2);
    expect(live.sourceText).not.toContain('\r');

    // An enrolled learner sees the new lesson text.
    const learner = await createUser(served.app);
    await enrol(served.app, learner, await createCohort(served.app, await courseBySlug(served.app)));
    const learnerPage = await phonePage(browser);
    await signIn(learnerPage, served.baseUrl, learner.email);
    await visit(learnerPage, `${served.baseUrl}/courses/${FIXTURE_SLUG}/modules/01-bienvenida`);
    const lesson = await mainText(learnerPage);
    expect(lesson).toContain('Este es el módulo de bienvenida.');
    expect(lesson).not.toContain('primer módulo');
    expect(await learnerPage.evaluate<number>('document.querySelector(".lesson img").naturalWidth')).toBe(4);
    expect(await inspect(learnerPage, 'authoring-06-learner-module')).toEqual(GOOD_PAGE);
    await learnerPage.context().close();
    await page.context().close();
  });

  it('keeps a facilitator who is not assigned to the course out of it', async () => {
    const outsider = await createUser(served.app, { role: 'facilitator' });
    const page = await phonePage(browser);
    await signIn(page, served.baseUrl, outsider.email);
    await visit(page, `${served.baseUrl}/authoring`);
    expect(await mainText(page)).not.toContain(COURSE_TITLE);
    for (const path of [`/authoring/courses/${FIXTURE_SLUG}`, `/authoring/courses/${FIXTURE_SLUG}/files/${FILE}`]) {
      const response = await page.goto(`${served.baseUrl}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      expect(await page.locator('textarea').count()).toBe(0);
    }
    expect(await inspect(page, 'authoring-07-outsider-404')).toEqual(GOOD_PAGE);
    await page.context().close();
  });
});
