import { Browser } from 'playwright-core';
import { createUser, DEFAULT_PASSWORD } from '../utils/factories';
import {
  hasNoHorizontalScroll,
  launchBrowser,
  phonePage,
  screenshot,
  seriousAccessibilityViolations,
  serveTestApp,
  ServedApp,
} from './browser';
import { menu, openMenu, scriptlessPhonePage, visit } from './journeys';

jest.setTimeout(120_000);

describe('accounts in a real browser, on a phone', () => {
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

  it('registers, fixing a mistake the form points out, and lands signed in', async () => {
    const page = await phonePage(browser);
    await visit(page, `${served.baseUrl}/auth/register`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasNoHorizontalScroll(page)).toBe(true);

    await page.getByLabel('Correo electrónico').fill('ana.perez@dgme.gob.sv');
    await page.getByLabel('Contraseña', { exact: false }).first().fill('frase segura de prueba');
    await page.getByLabel('Repita la contraseña').fill('frase distinta');
    await page.getByLabel('Nombre completo').fill('Ana Pérez');
    await page.getByLabel('Institución', { exact: false }).first().selectOption('dgme');
    await page.getByLabel('Cargo').fill('Delegada de migración');
    await page.getByLabel('País', { exact: false }).first().selectOption('SV');
    await page.getByLabel('Departamento o provincia').fill('Ahuachapán');
    await page.getByLabel('Lugar de trabajo', { exact: false }).fill('La Hachadura');
    await page.getByLabel('Sexo').selectOption('female');
    await page.getByLabel('Grupo de edad').selectOption('25-34');
    await page.getByLabel('Idioma preferido').selectOption('es');
    await page.getByLabel('Acepto que la plataforma', { exact: false }).check();
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();

    await expect(page.getByText('Las contraseñas no coinciden.', { exact: true }).isVisible()).resolves.toBe(true);
    // The error summary links to the field, which has the keyboard focus (autofocus, no script needed).
    expect(await page.getByRole('link', { name: /^Repita la contraseña: Las contraseñas no coinciden/ }).getAttribute('href')).toBe(
      '#passwordConfirmation',
    );
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('passwordConfirmation');
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe('Ana Pérez');
    expect(await page.getByLabel('Lugar de trabajo', { exact: false }).inputValue()).toBe('La Hachadura');
    await screenshot(page, 'register-error-phone');

    await page.getByLabel('Contraseña', { exact: false }).first().fill('frase segura de prueba');
    await page.getByLabel('Repita la contraseña').fill('frase segura de prueba');
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await page.waitForURL(`${served.baseUrl}/`);
    expect(await page.getByText('Bienvenida/o, Ana Pérez.').isVisible()).toBe(true);
    await screenshot(page, 'home-signed-in-phone');
  });

  it('signs in, switches to English and back without JavaScript tricks, and the skip link comes first', async () => {
    const user = await createUser(served.app, { name: 'Mario Díaz' });
    const page = await phonePage(browser);
    await visit(page, `${served.baseUrl}/auth/login`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Saltar al contenido');
    await page.getByLabel('Correo electrónico').fill(user.email);
    await page.getByLabel('Contraseña', { exact: false }).fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(`${served.baseUrl}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForLoadState();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await menu(page, 'My profile');
    expect(await page.title()).toBe('My profile · Aprende Protección');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'profile-en-phone');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.waitForLoadState();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(page.url()).toBe(`${served.baseUrl}/profile`);
  });

  it('runs with JavaScript disabled', async () => {
    const page = await scriptlessPhonePage(browser);
    const context = page.context();
    await visit(page, `${served.baseUrl}/auth/login`);
    const user = await createUser(served.app);
    await page.getByLabel('Correo electrónico').fill(user.email);
    await page.getByLabel('Contraseña', { exact: false }).fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(`${served.baseUrl}/`);
    // The phone menu is a native <details>: it opens without JavaScript.
    expect(await (await openMenu(page)).getByRole('button', { name: 'Cerrar sesión' }).isVisible()).toBe(true);
    await context.close();
  });
});
