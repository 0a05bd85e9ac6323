import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { createUser } from '../utils/factories';
import { readPdf, simpleCourse } from '../e2e/certificates/certificate-helpers';
import { launchBrowser, phonePage, serveTestApp, ServedApp } from './browser';
import { follow, GOOD_PAGE, inspect, main, mainText, press, scriptlessPhonePage, signIn } from './journeys';

jest.setTimeout(180_000);

describe('a learner finishes a course and downloads the certificate; a supervisor checks its code, signed out', () => {
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

  it('completes the course on a phone, downloads the PDF from My courses, and a second browser verifies the printed code', async () => {
    const learner = await createUser(served.app, { name: 'Lucía Hernández Peña' });
    const built = await simpleCourse(served.app, learner);
    const base = `${served.baseUrl}/courses/${built.course.slug}`;
    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, served.baseUrl, learner.email);

    for (const key of ['01-inicio', '02-cierre']) {
      await page.goto(`${base}/modules/${key}`);
      await press(page, 'Marcar como completado');
    }
    await page.goto(`${served.baseUrl}/my/courses`);
    expect(await mainText(page)).toContain('Descargar certificado');
    expect(await inspect(page, 'certificates-01-my-courses')).toEqual(GOOD_PAGE);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main(page).getByRole('link', { name: 'Descargar certificado' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificado-[0-9A-Z-]+\.pdf$/);
    const pdf = readFileSync(await download.path());
    const { text, qr } = await readPdf(pdf);
    expect(text).toContain('Lucía Hernández Peña');
    const code = /Código: ([0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){6})/.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(qr).toMatch(new RegExp(`/verify/${code}$`));

    await page.goto(`${served.baseUrl}/my/certificates`);
    expect(await mainText(page)).toContain(code);
    expect(await inspect(page, 'certificates-02-mine')).toEqual(GOOD_PAGE);

    // A supervisor with only the paper: another browser context (not signed in), on a phone.
    const supervisor = await phonePage(browser);
    supervisor.setDefaultTimeout(15_000);
    await supervisor.goto(`${served.baseUrl}/verify`);
    expect(await inspect(supervisor, 'certificates-03-verify-form')).toEqual(GOOD_PAGE);
    await supervisor.getByLabel('Código de verificación').fill(code!.toLowerCase().replace(/-/g, ' '));
    await press(supervisor, 'Verificar');
    expect(new URL(supervisor.url()).pathname).toBe(`/verify/${code}`);
    const shown = await mainText(supervisor);
    expect(shown).toContain('Certificado válido');
    expect(shown).toContain('Lucía Hernández Peña');
    expect(shown).toContain(built.course.title.es);
    expect(shown).not.toContain(learner.email);
    expect(await inspect(supervisor, 'certificates-04-verified')).toEqual(GOOD_PAGE);
    await follow(supervisor, 'Verificar otro código');
    expect(new URL(supervisor.url()).pathname).toBe('/verify');

    // The same without JavaScript (a plain GET form).
    const scriptless = await scriptlessPhonePage(browser);
    scriptless.setDefaultTimeout(15_000);
    await scriptless.goto(`${served.baseUrl}/verify`);
    await scriptless.getByLabel('Código de verificación').fill(code!);
    await press(scriptless, 'Verificar');
    expect(await mainText(scriptless)).toContain('Certificado válido');
  });
});
