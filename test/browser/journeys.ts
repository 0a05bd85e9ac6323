import { Browser, Locator, Page } from 'playwright-core';
import type { QuestionSpec } from '../utils/course-factories';
import { DEFAULT_PASSWORD } from '../utils/factories';
import { hasNoHorizontalScroll, screenshot, seriousAccessibilityViolations } from './browser';

/**
 * Steps shared by the browser journeys. Buttons are looked up inside `main`,
 * because the header carries its own submit buttons (language switch, sign out).
 */

export const main = (page: Page): Locator => page.locator('main');

const APP_NAME = /^(.+) · Aprende Protección$/;
const SCRIPTLESS = new WeakSet<Page>();

/**
 * What every page a journey visits must pass, checked as it arrives: its own title
 * ("Iniciar sesión · Aprende Protección", not just the site name) and no serious axe violation.
 */
export async function audit(page: Page): Promise<void> {
  const title = await page.title();
  // axe runs as a script in the page: on a page with JavaScript switched off only the title is checked.
  const violations = SCRIPTLESS.has(page) ? [] : await seriousAccessibilityViolations(page);
  const problems = [...(APP_NAME.test(title) ? [] : [`title "${title}" does not name the page`]), ...violations];
  if (problems.length) throw new Error(`${new URL(page.url()).pathname}: ${problems.join('; ')}`);
}

/** Opens an address (as typing it or following a bookmark would) and audits the page. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await audit(page);
}

/** Clicks a button inside the page's main content, waits for the page it leads to, and audits it. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForNavigation(), main(page).getByRole('button', { name }).click()]);
  await audit(page);
}

/** Follows a link inside the page's main content and audits the page. */
export async function follow(page: Page, name: string | RegExp, exact = false): Promise<void> {
  await Promise.all([page.waitForNavigation(), main(page).getByRole('link', { name, exact }).first().click()]);
  await audit(page);
}

/**
 * Uses the site menu as a person would: on a phone it sits behind the header's "Menú" disclosure
 * (a <details>, no script), on a wide screen it is shown inline.
 */
export async function openMenu(page: Page): Promise<Locator> {
  const summary = page.locator('header details.nav-phone > summary');
  if (await summary.isVisible()) {
    if ((await page.locator('header details.nav-phone').getAttribute('open')) === null) await summary.click();
    return page.locator('header details.nav-phone > nav');
  }
  return page.locator('header nav.nav-wide');
}

export async function menu(page: Page, name: string | RegExp): Promise<void> {
  const nav = await openMenu(page);
  await Promise.all([page.waitForNavigation(), nav.getByRole('link', { name }).click()]);
  await audit(page);
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEFAULT_PASSWORD): Promise<void> {
  await visit(page, `${baseUrl}/auth/login`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: false }).fill(password);
  await press(page, 'Entrar');
  if (new URL(page.url()).pathname === '/auth/login') throw new Error(`Sign-in failed for ${email}`);
}

/** A 360 px phone with JavaScript switched off: every journey must still work. */
export async function scriptlessPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'es-SV' });
  const page = await context.newPage();
  SCRIPTLESS.add(page);
  return page;
}

export interface PageQuality {
  violations: string[];
  horizontalScroll: boolean;
  /** The <title> names the page before the site ("Mis cursos · Aprende Protección"). */
  titled: boolean;
}

/** Takes the screenshot (to look at) and measures what a test asserts on every page: axe, width and title. */
export async function inspect(page: Page, name: string): Promise<PageQuality> {
  await screenshot(page, name);
  return {
    violations: await seriousAccessibilityViolations(page),
    horizontalScroll: !(await hasNoHorizontalScroll(page)),
    titled: APP_NAME.test(await page.title()),
  };
}

export const GOOD_PAGE: PageQuality = { violations: [], horizontalScroll: false, titled: true };

/** The visible text of the main content, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return (await main(page).innerText()).replace(/\s+/g, ' ');
}

const LETTERS = 'abcdefgh';

/**
 * Ticks answers on an open quiz form built by the course factories, whose option
 * texts name the authored option ("Option m1-q1-a"), so the test finds the right
 * ones whatever order the quiz shuffled them into.
 */
export async function answerQuiz(
  page: Page,
  specs: QuestionSpec[],
  choose: 'right' | 'wrong' | Record<string, 'right' | 'wrong'>,
): Promise<void> {
  for (const spec of specs) {
    const choice = typeof choose === 'string' ? choose : (choose[spec.id] ?? 'right');
    const count = spec.type === 'truefalse' ? 2 : (spec.options ?? 3);
    const correct = spec.correct ?? [0];
    const picks =
      choice === 'right'
        ? correct
        : [Array.from({ length: count }, (_, index) => index).find((index) => !correct.includes(index)) as number];
    for (const index of picks) await main(page).getByLabel(`Option ${spec.id}-${LETTERS[index]}`, { exact: false }).check();
  }
}

/** What must never be in a quiz page before the answers are sent (the factories' markers and the authoring syntax). */
export const ANSWER_LEAK = /FEEDBACK-|EXPLANATION-|Respuesta correcta|data-correct|"correct"|\[x\]/i;
