import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../src/config/project-root';
import { CourseModule } from '../../src/content/entities/course-module.entity';
import { Course } from '../../src/content/entities/course.entity';
import { createCohort, enrol } from '../utils/course-factories';
import { createUser } from '../utils/factories';
import { launchBrowser, phonePage, serveTestApp, ServedApp } from './browser';
import { GOOD_PAGE, inspect, signIn } from './journeys';

/** Page objects of a PDF as Chromium writes it ("/Type /Page", not the "/Type /Pages" tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

jest.setTimeout(180_000);

/**
 * Every printable tool of the shipped courses: readable on a 360 px phone and
 * printed by the browser (A4, the print stylesheet) on exactly one sheet,
 * without the site's header or footer.
 */
describe('printable tools of the shipped courses', () => {
  let served: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    served = await serveTestApp({ importContentOnStart: true, contentDir: join(PROJECT_ROOT, 'content') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('prints each tool, in each language, on one A4 sheet', async () => {
    const data = served.app.get(DataSource);
    const tools = await data.getRepository(CourseModule).find({ where: { kind: 'tool', active: true }, order: { id: 'ASC' } });
    expect(tools.length).toBeGreaterThan(0);
    const courses = await data.getRepository(Course).find();
    for (const language of ['es', 'en']) {
      // One learner per language, enrolled in every course; the account's language picks the tool's version.
      const learner = await createUser(served.app, { name: 'Ana Imprime', preferredLanguage: language });
      for (const course of courses) await enrol(served.app, learner, course, await createCohort(served.app, course));
      const page = await phonePage(browser);
      await signIn(page, served.baseUrl, learner.email);
      // The same session on a second page, laid out as the browser prints it.
      const desk = await page.context().newPage();
      for (const tool of tools) {
        const course = courses.find((candidate) => candidate.id === tool.courseId);
        if (!course?.languages.includes(language)) continue;
        const name = `${course.slug}/${tool.key} (${language})`;
        const response = await page.goto(`${served.baseUrl}/courses/${course.slug}/${tool.key}`);
        expect({ name, status: response?.status() }).toEqual({ name, status: 200 });
        expect(await page.getAttribute('article.tool', 'lang')).toBe(language);
        expect(await inspect(page, `tool-${course.slug}-${tool.key.replace('/', '-')}-${language}`)).toEqual(GOOD_PAGE);
        // Printed: the A4 sheet's printable area is 186 x 273 mm (12 mm margins), 703 x 1032 CSS pixels.
        await desk.goto(page.url());
        await desk.setViewportSize({ width: 703, height: 1032 });
        await desk.emulateMedia({ media: 'print' });
        const printed = await desk.evaluate<{ height: number; shown: string[] }>(
          "({ height: document.body.getBoundingClientRect().height, shown: ['.site-header', '.site-footer', '.print-hint', 'article.tool'].filter((selector) => getComputedStyle(document.querySelector(selector)).display !== 'none') })",
        );
        expect({ name, fits: printed.height <= 1032, height: Math.round(printed.height) }).toEqual({
          name,
          fits: true,
          height: expect.any(Number) as number,
        });
        expect(printed.shown).toEqual(['article.tool']); // only the tool: no header, footer or print hint
        expect({ name, pages: pdfPageCount(await desk.pdf({ format: 'A4', preferCSSPageSize: true })) }).toEqual({ name, pages: 1 });
        await desk.emulateMedia({ media: 'screen' });
      }
      await page.context().close();
    }
  });
});
