import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountToken } from '../../../src/account/account-token.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfTokenFrom, submitForm, TestApp } from '../../utils/test-app';
import { linksOnPage } from './mail-helpers';
import { SmtpSink } from './smtp-sink';

const NEW_PASSWORD = 'otra frase larga y secreta';
const NEUTRAL = 'Si hay una cuenta con ese correo, le enviamos un enlace';

/** The first set-password link in a mail body. */
function linkIn(body: string): string {
  const link = /https?:\/\/\S+\/account\/set-password\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  if (!link) throw new Error('No set-password link in the mail');
  return link;
}

describe('forgotten password, with a mail server', () => {
  let sink: SmtpSink;
  let testApp: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    testApp = await createTestApp({ smtpUrl: sink.url });
  });
  afterAll(async () => {
    await testApp.close();
    await sink.close();
  });

  async function ask(email: string) {
    const visitor = request.agent(testApp.server);
    const res = await submitForm(visitor, '/auth/forgot-password', '/auth/forgot-password', { email });
    return { res, visitor };
  }

  it('is linked from the login page and offers the email form besides whom to ask', async () => {
    const login = await request(testApp.server).get('/auth/login');
    expect(login.text).toContain('<a href="/auth/forgot-password">¿Olvidó su contraseña?</a>');
    const page = await request(testApp.server).get('/auth/forgot-password');
    expect(page.status).toBe(200);
    expect(page.text).toContain('a la persona que facilita o coordina su curso, o a la administración de la plataforma');
    expect(page.text).toContain('name="email"');
  });

  it('mails a working link in the account’s language; the old password keeps working until it is used', async () => {
    const user = await createUser(testApp.app, { email: 'olvido@example.org', preferredLanguage: 'en', name: 'Rosa Olvido' });
    const before = sink.messages.length;
    const { res, visitor } = await ask('  Olvido@Example.org ');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/auth/login');
    expect((await visitor.get('/auth/login')).text).toContain(NEUTRAL);

    await sink.received(before + 1);
    const [mail] = sink.to('olvido@example.org');
    expect(mail.subject).toBe('Choose a new password for Aprende Protección');
    expect(mail.body).toContain('Hello Rosa Olvido,');
    await signedInAgent(testApp.app, user);

    const path = new URL(linkIn(mail.body)).pathname;
    const browser = request.agent(testApp.server);
    expect((await browser.get(path)).status).toBe(200);
    const done = await submitForm(browser, path, path, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, dataConsent: 'yes' });
    expect(done.status).toBe(303);
    expect((await browser.get('/profile')).status).toBe(200);
    await expect(signedInAgent(testApp.app, user)).rejects.toThrow(/401/);
    await expect(signedInAgent(testApp.app, user, NEW_PASSWORD)).resolves.toBeDefined();
    expect((await request(testApp.server).get(path)).status).toBe(404);
  });

  it('answers exactly the same for an address without an account, and mails nothing to it', async () => {
    const unknown = await ask('nadie.aqui@example.org');
    await createUser(testApp.app, { email: 'si.existe@example.org' });
    const known = await ask('si.existe@example.org');
    expect(unknown.res.status).toBe(known.res.status);
    expect(unknown.res.headers.location).toBe(known.res.headers.location);
    const pageWithout = (await unknown.visitor.get('/auth/login')).text;
    const pageWith = (await known.visitor.get('/auth/login')).text;
    const token = csrfTokenFrom(pageWithout);
    expect(pageWithout.replaceAll(token, '')).toBe(pageWith.replaceAll(csrfTokenFrom(pageWith), ''));
    expect(pageWithout).toContain(NEUTRAL);

    // The unknown address was asked for first: had anything been mailed to it, it would be here by now.
    await sink.firstTo('si.existe@example.org');
    expect(sink.to('nadie.aqui@example.org')).toHaveLength(0);
  });

  it('refuses a malformed address with a message, and throttles repeated requests like sign-ins', async () => {
    const bad = await ask('no-es-correo');
    expect(bad.res.status).toBe(422);
    expect(bad.res.text).toContain('name="email"');
    expect(bad.res.text).toContain('value="no-es-correo"');

    for (let i = 0; i < 5; i += 1) expect((await ask('insistente@example.org')).res.status).toBe(303);
    const blocked = await ask('insistente@example.org');
    expect(blocked.res.status).toBe(429);
    expect(blocked.res.text).toContain('Se pidieron demasiados enlaces. Espere 15 minutos');
    // Asking for links does not lock anyone out of signing in.
    const user = await createUser(testApp.app, { email: 'insistente2@example.org' });
    for (let i = 0; i < 5; i += 1) await ask('insistente2@example.org');
    await expect(signedInAgent(testApp.app, user)).resolves.toBeDefined();
  });

  it('mails the link an admin makes, and still shows it once on the page', async () => {
    const admin = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'admin' }));
    const person = await createUser(testApp.app, { email: 'por.admin@example.org', name: 'Luis Admin' });
    const before = sink.messages.length;
    const res = await submitForm(admin, '/admin/users', `/admin/users/${person.id}/password-link`, {});
    expect(res.status).toBe(200);
    expect(res.text).toContain('También se envió por correo electrónico a por.admin@example.org.');
    const [link] = linksOnPage(res.text, 'account/set-password');
    await sink.received(before + 1);
    const [mail] = sink.to('por.admin@example.org');
    expect(mail.subject).toBe('Elegir una nueva contraseña en Aprende Protección');
    expect(mail.body).toContain('Hola, Luis Admin:');
    expect(linkIn(mail.body)).toBe(link);
    const stored = await testApp.app.get(DataSource).getRepository(AccountToken).findBy({ userId: person.id });
    expect(stored).toHaveLength(1);
    expect(link).not.toContain(stored[0].tokenHash);
  });
});
