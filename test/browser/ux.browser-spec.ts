import { Browser, Page } from 'playwright-core';
import { createCohort, enrol } from '../utils/cohort-factories';
import { assignEditor, courseBySlug, FIXTURE_SLUG, importFixtureCourse } from '../utils/content-factories';
import { createUser } from '../utils/factories';
import { launchBrowser, phonePage, serveTestApp, ServedApp } from './browser';
import { audit, GOOD_PAGE, inspect, main, menu, openMenu, press, signIn, visit } from './journeys';

jest.setTimeout(300_000);

const WIDE_TABLE = [
  '| Elemento | Descripción | Ejemplo en frontera | Indicador | Derivación |',
  '|---|---|---|---|---|',
  '| Acción | Captar, transportar, trasladar, acoger o recibir personas | Oferta de empleo en otro país | Documentos retenidos | Unidad especializada |',
].join('\n');

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, selector: string): Promise<Box> => (await page.locator(selector).first().boundingBox()) as Box;

describe('the day on a phone and on a desk: header, filters, lesson tables, focus', () => {
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

  it('keeps the header to one row on a 360 px phone, with the whole menu behind "Menú"', async () => {
    const coordinator = await createUser(served.app, { role: 'admin' });
    const page = await phonePage(browser);
    await signIn(page, served.baseUrl, coordinator.email);
    const closed = await box(page, 'header.site-header');
    expect(closed.height).toBeLessThanOrEqual(64);
    expect(await page.locator('header nav.nav-wide').isVisible()).toBe(false);
    const nav = await openMenu(page);
    for (const name of ['Mis cursos', 'Cursos', 'Cohortes', 'Autoría', 'Mi perfil', 'Usuarios'])
      expect(await nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('button', { name: 'Cerrar sesión' }).isVisible()).toBe(true);
    expect((await box(page, 'header.site-header')).height).toBe(closed.height); // the open menu overlays the page instead of pushing the header
    await audit(page);
    await menu(page, 'Mi perfil');
    expect(await page.title()).toBe('Mi perfil · Aprende Protección');
    await page.context().close();
  });

  it('lines each participants filter label up with its own control at 1280 px, and the search box has a visible label', async () => {
    const coordinator = await createUser(served.app, { role: 'coordinator' });
    const cohort = await createCohort(
      served.app,
      await courseBySlug(served.app).catch(async () => {
        await importFixtureCourse(served.app);
        return courseBySlug(served.app);
      }),
    );
    await enrol(served.app, await createUser(served.app, { name: 'Rosa Filtro' }), cohort);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-SV' });
    const page = await context.newPage();
    await signIn(page, served.baseUrl, coordinator.email);
    expect(await page.locator('header nav.nav-wide').isVisible()).toBe(true);
    expect((await box(page, 'header.site-header')).height).toBeLessThanOrEqual(64);
    await visit(page, `${served.baseUrl}/cohorts/${cohort.id}/learners`);
    expect(await page.title()).toBe(`Participantes · ${cohort.name} · Aprende Protección`);
    const search = main(page).getByLabel('Buscar', { exact: false }).first();
    expect(await search.getAttribute('type')).toBe('search');
    const pairs = [
      ['label[for=q]', '#q'],
      ['label[for=status]', '#status'],
    ];
    const controls: Box[] = [];
    for (const [labelSelector, controlSelector] of pairs) {
      const label = await box(page, `main ${labelSelector}`);
      const control = await box(page, `main ${controlSelector}`);
      expect(await page.locator(`main ${labelSelector}`).isVisible()).toBe(true);
      expect(Math.abs(label.x - control.x)).toBeLessThanOrEqual(1); // the label starts where its own control starts
      expect(label.y + label.height).toBeLessThanOrEqual(control.y + 1); // and sits right above it
      expect(control.y - (label.y + label.height)).toBeLessThan(16);
      controls.push(control);
    }
    expect(Math.abs(controls[0].y - controls[1].y)).toBeLessThanOrEqual(2); // the controls share one row
    expect(controls[1].x).toBeGreaterThan(controls[0].x + controls[0].width); // side by side
    const button = await box(page, 'main form[role=search] button');
    expect(Math.abs(button.y + button.height - (controls[0].y + controls[0].height))).toBeLessThanOrEqual(4);
    expect(await inspect(page, 'ux-learners-1280')).toEqual(GOOD_PAGE);
    await context.close();
  });

  it('scrolls a wide lesson table sideways in a labelled, focusable region, in the editor preview and for learners', async () => {
    const courseId = (await courseBySlug(served.app).catch(() => null))?.id ?? (await importFixtureCourse(served.app));
    const facilitator = await createUser(served.app, { role: 'facilitator' });
    await assignEditor(served.app, courseId, facilitator.id);
    const page = await phonePage(browser);
    await signIn(page, served.baseUrl, facilitator.email);
    await visit(page, `${served.baseUrl}/authoring/courses/${FIXTURE_SLUG}/files/01-bienvenida.es.md`);
    const textarea = main(page).getByLabel('Texto de 01-bienvenida.es.md (Markdown)');
    const text = await textarea.inputValue();
    await textarea.fill(text.replace('Este es el **primer módulo**.', `Este es el **primer módulo**.\n\n${WIDE_TABLE}\n`));
    await press(page, 'Vista previa'); // audit(): axe's scrollable-region-focusable passes on the preview
    const previewRegion = main(page).locator('.authoring-preview .table-scroll');
    expect(await previewRegion.getAttribute('role')).toBe('region');
    expect(await previewRegion.getAttribute('aria-label')).toBe('Tabla: Elemento, Descripción, Ejemplo en frontera, Indicador, Derivación');
    await press(page, 'Guardar');

    const learner = await createUser(served.app);
    await enrol(served.app, learner, await createCohort(served.app, await courseBySlug(served.app)));
    const reader = await phonePage(browser);
    await signIn(reader, served.baseUrl, learner.email);
    await visit(reader, `${served.baseUrl}/courses/${FIXTURE_SLUG}/modules/01-bienvenida`);
    const region = main(reader).getByRole('region', { name: /^Tabla: Elemento/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client); // it scrolls sideways...
    expect(await inspect(reader, 'ux-lesson-table-phone')).toEqual(GOOD_PAGE); // ...and the page itself does not
    // Words stay whole ("Ele/men/to" no more): each header cell is at least as wide as its longest word.
    const cells = await region.locator('th').evaluateAll((els) => els.map((el) => ({ width: el.clientWidth, word: el.scrollWidth })));
    for (const cell of cells) expect(cell.word).toBeLessThanOrEqual(cell.width);
    expect(Math.min(...cells.map((cell) => cell.width))).toBeGreaterThanOrEqual(90);
    await region.focus();
    await reader.keyboard.press('ArrowRight');
    // Chromium animates keyboard scrolling: wait for the animation to move the region (fails after the timeout if it never does).
    const moved = await region.evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const deadline = Date.now() + 3000;
          const check = (): void => (el.scrollLeft > 0 || Date.now() > deadline ? resolve(el.scrollLeft) : void setTimeout(check, 20));
          check();
        }),
    );
    expect(moved).toBeGreaterThan(0); // a keyboard user can scroll it
    await reader.context().close();
    await page.context().close();
  });

  it('puts the keyboard on the first field in error, and the summary links to each field', async () => {
    const page = await phonePage(browser);
    await visit(page, `${served.baseUrl}/auth/register`);
    await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await page.waitForLoadState();
    await audit(page);
    const summaryLinks = main(page).locator('.error-summary .error-links a');
    expect(await summaryLinks.count()).toBeGreaterThan(1);
    const firstTarget = (await summaryLinks.first().getAttribute('href'))?.slice(1);
    expect(await page.evaluate<string>('document.activeElement.id')).toBe(firstTarget);
    await summaryLinks.nth(1).click();
    const secondTarget = (await summaryLinks.nth(1).getAttribute('href'))?.slice(1);
    expect(page.url()).toContain(`#${secondTarget}`);
    await page.context().close();
  });
});
