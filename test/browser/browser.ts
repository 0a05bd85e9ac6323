import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestApp, TestApp } from '../utils/test-app';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'tmp', 'screenshots');

/** Debian's Chromium (Playwright's own browser download is not available here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ServedApp extends TestApp {
  baseUrl: string;
}

/** The real app on a free local port, for a real browser. */
export async function serveTestApp(overrides: Parameters<typeof createTestApp>[0] = {}): Promise<ServedApp> {
  const testApp = await createTestApp(overrides);
  await new Promise<void>((resolve) => testApp.server.listen(0, '127.0.0.1', resolve));
  const { port } = testApp.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}

/** A phone-sized page (360 px wide), the size most learners use. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-SV' });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Accessibility problems axe rates serious or critical. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

export async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  // A string expression: it runs in the page, and the server code's types have no DOM.
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}
