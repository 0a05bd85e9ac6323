import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Cohort } from '../../src/cohorts/entities/cohort.entity';
import { createCohort, createCourse, enrol, enrolmentsOf } from '../utils/cohort-factories';
import { createUser } from '../utils/factories';
import { launchBrowser, phonePage, serveTestApp, ServedApp } from './browser';
import { follow, GOOD_PAGE, inspect, main, mainText, menu, press, signIn, visit } from './journeys';

jest.setTimeout(300_000);

const MESSY_CSV = join(__dirname, '..', 'fixtures', 'bulk', 'messy-participants.csv');

/** Row number -> outcome, as the preview and result tables show them. */
async function outcomes(page: Page): Promise<Record<number, string>> {
  const rows = main(page).locator('tr[data-line]');
  const entries: [number, string][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const row = rows.nth(index);
    entries.push([Number(await row.getAttribute('data-line')), String(await row.getAttribute('data-outcome'))]);
  }
  return Object.fromEntries(entries);
}

describe('cohorts and enrolment on a phone', () => {
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

  it('a learner joins an open cohort from the course page, and a key cohort after a wrong key', async () => {
    const open = await createCourse(served.app, { title: { es: 'Trata de personas: identificación', en: 'Trafficking: identification' } });
    const openCohort = await createCohort(served.app, open, { name: 'Trata 2026, El Salvador' });
    const keyed = await createCourse(served.app, { title: { es: 'Niñez migrante', en: 'Migrant children' } });
    const keyCohort = await createCohort(served.app, keyed, {
      name: 'Niñez 2026, Honduras',
      country: 'HN',
      enrolmentMode: 'key',
      enrolmentKey: 'Frontera-2026',
    });
    const learner = await createUser(served.app, { name: 'Julia Campos' });
    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, learner.email);

    await visit(page, `${served.baseUrl}/courses/${open.slug}`);
    await follow(page, 'Ver cohortes e inscribirse');
    expect(await mainText(page)).toContain('Trata 2026, El Salvador');
    expect(await inspect(page, 'cohorts-01-open-offer')).toEqual(GOOD_PAGE);
    await press(page, 'Inscribirme');
    expect(page.url()).toBe(`${served.baseUrl}/courses/${open.slug}`);
    expect(await mainText(page)).toContain('Listo: su inscripción en «Trata de personas: identificación» quedó registrada.');
    expect(await mainText(page)).toContain('Su avance');
    expect(await enrolmentsOf(served.app, { userId: learner.id, cohortId: openCohort.id, status: 'active' })).toHaveLength(1);

    await visit(page, `${served.baseUrl}/courses/${keyed.slug}/cohorts`);
    const card = main(page).locator(`#cohort-${keyCohort.id}`);
    await card.getByLabel('Clave de inscripción').fill('frontera');
    await press(page, 'Inscribirme');
    expect(await card.innerText()).toContain('La clave no es correcta. Revísela e intente de nuevo.');
    expect(await card.getByLabel('Clave de inscripción').getAttribute('aria-invalid')).toBe('true');
    expect(await inspect(page, 'cohorts-02-wrong-key')).toEqual(GOOD_PAGE);
    expect(await enrolmentsOf(served.app, { userId: learner.id, cohortId: keyCohort.id })).toEqual([]);

    await card.getByLabel('Clave de inscripción').fill(' FRONTERA-2026 ');
    await press(page, 'Inscribirme');
    expect(page.url()).toBe(`${served.baseUrl}/courses/${keyed.slug}`);
    expect(await mainText(page)).toContain('quedó registrada');
    expect(await enrolmentsOf(served.app, { userId: learner.id, cohortId: keyCohort.id, status: 'active' })).toHaveLength(1);

    await visit(page, `${served.baseUrl}/my/courses`);
    expect(await mainText(page)).toContain('Trata de personas: identificación');
    expect(await mainText(page)).toContain('Niñez migrante');
    await page.context().close();
  });

  it('a coordinator creates a cohort through the form, fixing a date the form points out', async () => {
    const course = await createCourse(served.app, { title: { es: 'Asistencia psicosocial', en: 'Psychosocial assistance' } });
    await createUser(served.app, { role: 'facilitator', name: 'Carla Facilitadora' });
    const coordinator = await createUser(served.app, { role: 'coordinator' });
    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, coordinator.email);

    await menu(page, 'Cohortes');
    await follow(page, 'Nueva cohorte');
    const form = main(page);
    await form.getByLabel('Curso').selectOption({ label: 'Asistencia psicosocial' });
    await form.getByLabel('Nombre de la cohorte').fill('Psicosocial 2026, Guatemala');
    await form.getByLabel('País').selectOption('GT');
    await form.getByLabel('Fecha de inicio').fill('2026-04-01');
    await form.getByLabel('Fecha de cierre').fill('2026-03-01');
    await form.getByLabel('Cupo', { exact: false }).fill('40');
    await form.getByLabel('Con clave', { exact: false }).check();
    await form.getByLabel('Clave de inscripción').fill('PSICO-GT');
    await form.getByLabel('Carla Facilitadora', { exact: false }).check();
    expect(await inspect(page, 'cohorts-03-new-form')).toEqual(GOOD_PAGE);
    await press(page, 'Guardar');
    expect(await mainText(page)).toContain('La fecha de cierre no puede ser anterior a la de inicio.');
    expect(await form.getByLabel('Nombre de la cohorte').inputValue()).toBe('Psicosocial 2026, Guatemala');
    expect(await form.getByLabel('Carla Facilitadora', { exact: false }).isChecked()).toBe(true);
    expect(await inspect(page, 'cohorts-04-form-error')).toEqual(GOOD_PAGE);

    await form.getByLabel('Fecha de cierre').fill('2026-06-30');
    await press(page, 'Guardar');
    expect(await mainText(page)).toContain('Se creó la cohorte «Psicosocial 2026, Guatemala».');
    expect(await mainText(page)).toContain('Carla Facilitadora');
    expect(await inspect(page, 'cohorts-05-created')).toEqual(GOOD_PAGE);
    const cohort = await served.app.get(DataSource).getRepository(Cohort).findOneByOrFail({ name: 'Psicosocial 2026, Guatemala' });
    expect(page.url()).toBe(`${served.baseUrl}/cohorts/${cohort.id}`);
    expect(cohort).toMatchObject({ courseId: course.id, country: 'GT', capacity: 40, enrolmentMode: 'key', enrolmentKey: 'PSICO-GT' });
    await page.context().close();
  });

  it('a coordinator uploads a messy CSV, reviews it row by row, confirms, and downloads the result', async () => {
    const course = await createCourse(served.app);
    const cohort = await createCohort(served.app, course, { capacity: 5, name: 'Cohorte masiva' });
    const other = await createCohort(served.app, course, { name: 'Cohorte vecina' });
    await createUser(served.app, { email: 'existente@example.org', name: 'Cuenta Existente' });
    await enrol(served.app, await createUser(served.app, { email: 'ya-inscrita@example.org' }), cohort);
    await enrol(served.app, await createUser(served.app, { email: 'otra-cohorte@example.org' }), other);
    const coordinator = await createUser(served.app, { role: 'coordinator' });
    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, coordinator.email);

    await visit(page, `${served.baseUrl}/cohorts/${cohort.id}`);
    await Promise.all([
      page.waitForNavigation(),
      main(page).locator('nav.cohort-nav').getByRole('link', { name: 'Inscripción masiva', exact: false }).click(),
    ]);
    expect(await inspect(page, 'cohorts-06-bulk-upload')).toEqual(GOOD_PAGE);
    await main(page).getByLabel('Archivo de participantes').setInputFiles(MESSY_CSV);
    await press(page, 'Subir y revisar');

    const expected = {
      2: 'newAccount',
      3: 'enrolExisting',
      4: 'alreadyEnrolled',
      5: 'error',
      6: 'error',
      7: 'newAccount',
      8: 'error',
      9: 'newAccount',
      10: 'error',
      11: 'error',
      13: 'error',
    };
    expect(await outcomes(page)).toEqual(expected);
    const preview = await mainText(page);
    expect(preview).toContain('Todavía no se ha guardado nada.');
    expect(preview).toContain('Correo repetido: ya aparece en la fila 2.');
    expect(preview).toContain('Cupo lleno');
    expect(await inspect(page, 'cohorts-07-bulk-preview')).toEqual(GOOD_PAGE);
    expect(await enrolmentsOf(served.app, { cohortId: cohort.id })).toHaveLength(1);

    await press(page, 'Confirmar e inscribir a 4 personas');
    expect(await mainText(page)).toContain('Inscripción masiva aplicada.');
    expect(await outcomes(page)).toEqual(expected);
    expect(await main(page).locator('input.copy-link').count()).toBe(3);
    expect(await inspect(page, 'cohorts-08-bulk-result')).toEqual(GOOD_PAGE);
    expect(await enrolmentsOf(served.app, { cohortId: cohort.id, status: 'active' })).toHaveLength(5);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main(page).getByRole('link', { name: 'Descargar el resultado (CSV)' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const rows = parse(text.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['Fila', 'Correo electrónico', 'Nombre completo', 'Resultado', 'Detalle']);
    expect(rows.slice(1).map((row) => Number(row[0]))).toEqual(Object.keys(expected).map(Number));
    expect(rows.find((row) => row[0] === '2')?.[3]).toBe('Cuenta creada e inscrita');
    await page.context().close();
  });
});
