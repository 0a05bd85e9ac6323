import { Browser, Locator, Page } from 'playwright-core';
import type { QuestionSpec } from '../utils/course-factories';
import { DEFAULT_PASSWORD } from '../utils/factories';
import { hasNoHorizontalScroll, screenshot, seriousAccessibilityViolations } from './browser';

/**
 * Steps shared by the browser journeys. Buttons are looked up inside `main`,
 * because the header carries its own submit buttons (language switch, sign out).
 */

export const main = (page: Page): Locator => page.locator('main');

/** Clicks a button inside the page's main content and waits for the page it leads to. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForNavigation(), main(page).getByRole('button', { name }).click()]);
}

/** Follows a link inside the page's main content. */
export async function follow(page: Page, name: string | RegExp, exact = false): Promise<void> {
  await Promise.all([page.waitForNavigation(), main(page).getByRole('link', { name, exact }).first().click()]);
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEFAULT_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/auth/login`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: false }).fill(password);
  await press(page, 'Entrar');
  if (new URL(page.url()).pathname === '/auth/login') throw new Error(`Sign-in failed for ${email}`);
}

/** A 360 px phone with JavaScript switched off: every journey must still work. */
export async function scriptlessPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'es-SV' });
  return context.newPage();
}

export interface PageQuality {
  violations: string[];
  horizontalScroll: boolean;
}

/** Takes the screenshot (to look at) and measures what a test asserts on every page: axe and width. */
export async function inspect(page: Page, name: string): Promise<PageQuality> {
  await screenshot(page, name);
  return { violations: await seriousAccessibilityViolations(page), horizontalScroll: !(await hasNoHorizontalScroll(page)) };
}

export const GOOD_PAGE: PageQuality = { violations: [], horizontalScroll: false };

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
export async function answerQuiz(page: Page, specs: QuestionSpec[], choose: 'right' | 'wrong' | Record<string, 'right' | 'wrong'>): Promise<void> {
  for (const spec of specs) {
    const choice = typeof choose === 'string' ? choose : (choose[spec.id] ?? 'right');
    const count = spec.type === 'truefalse' ? 2 : (spec.options ?? 3);
    const correct = spec.correct ?? [0];
    const picks = choice === 'right' ? correct : [Array.from({ length: count }, (_, index) => index).find((index) => !correct.includes(index)) as number];
    for (const index of picks) await main(page).getByLabel(`Option ${spec.id}-${LETTERS[index]}`, { exact: false }).check();
  }
}

/** What must never be in a quiz page before the answers are sent (the factories' markers and the authoring syntax). */
export const ANSWER_LEAK = /FEEDBACK-|EXPLANATION-|Respuesta correcta|data-correct|"correct"|\[x\]/i;
