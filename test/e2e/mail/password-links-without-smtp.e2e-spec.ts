import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountToken } from '../../../src/account/account-token.entity';
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';
import { linksOnPage } from './mail-helpers';

const NEW_PASSWORD = 'frase nueva bastante larga';

describe('password links without a mail server', () => {
  let testApp: TestApp;
  let adminUser: User;
  let admin: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    adminUser = await createUser(testApp.app, { role: 'admin', name: 'Ada Admin' });
    admin = await signedInAgent(testApp.app, adminUser);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('the forgot-password page only says whom to ask; its form does not exist', async () => {
    const page = await request(testApp.server).get('/auth/forgot-password');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Pida un enlace nuevo para elegir su contraseña a la persona que facilita o coordina su curso');
    expect(page.text).not.toContain('name="email"');
    const english = await request(testApp.server).get('/auth/forgot-password').set('Cookie', 'lang=en');
    expect(english.text).toContain('Ask your course facilitator or coordinator, or the platform administrators');
    const visitor = request.agent(testApp.server);
    const token = await csrfToken(visitor, '/auth/login');
    const post = await visitor.post('/auth/forgot-password').type('form').send({ email: 'x@example.org', _csrf: token });
    expect(post.status).toBe(404);
  });

  it('an admin makes a single-use link for someone else, shown once and stored only as a hash; using it ends the person’s other sessions', async () => {
    const person = await createUser(testApp.app, { email: 'sin.clave@example.org', name: 'Marta Sin Clave' });
    const elsewhere = await signedInAgent(testApp.app, person);
    const list = await admin.get(`/admin/users?q=${encodeURIComponent('Marta Sin Clave')}`);
    expect(list.text).toContain(`action="/admin/users/${person.id}/password-link"`);

    const res = await submitForm(admin, '/admin/users', `/admin/users/${person.id}/password-link`, {});
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Enlace para Marta Sin Clave (sin.clave@example.org).');
    expect(res.text).not.toContain('correo electrónico a sin.clave');
    const [link] = linksOnPage(res.text, 'account/set-password');
    const token = new URL(link).pathname.split('/').pop() ?? '';
    const stored = await testApp.app.get(DataSource).getRepository(AccountToken).findBy({ userId: person.id });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token);
    expect(stored[0].expiresAt.getTime()).toBeGreaterThan(Date.now() + 2 * 24 * 60 * 60 * 1000);
    // Not kept for a second look: the users page and the session do not carry it.
    expect((await admin.get('/admin/users')).text).not.toContain(token);

    const path = new URL(link).pathname;
    const browser = request.agent(testApp.server);
    const page = await browser.get(path);
    expect(page.text).toContain('sin.clave@example.org');
    expect(
      (await submitForm(browser, path, path, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, dataConsent: 'yes' })).status,
    ).toBe(303);
    expect((await elsewhere.get('/profile')).status).toBe(303);
    await expect(signedInAgent(testApp.app, person, NEW_PASSWORD)).resolves.toBeDefined();
    expect((await request(testApp.server).get(path)).status).toBe(404);
  });

  it('is not offered for the admin’s own account, and refused if posted anyway', async () => {
    const list = await admin.get(`/admin/users?q=${encodeURIComponent('Ada Admin')}`);
    expect(list.text).toContain('Ada Admin');
    expect(list.text).not.toContain(`action="/admin/users/${adminUser.id}/password-link"`);
    const own = await submitForm(admin, '/admin/users', `/admin/users/${adminUser.id}/password-link`, {});
    expect(own.status).toBe(403);
    expect(own.text).toContain('No puede crear un enlace para su propia cuenta');
    expect(await testApp.app.get(DataSource).getRepository(AccountToken).countBy({ userId: adminUser.id })).toBe(0);
  });

  it('is for admins only, and answers 404 for an account that does not exist', async () => {
    const person = await createUser(testApp.app);
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    const token = await csrfToken(coordinator, '/profile');
    const refused = await coordinator.post(`/admin/users/${person.id}/password-link`).type('form').send({ _csrf: token });
    expect(refused.status).toBe(403);
    const anonymous = request.agent(testApp.server);
    const anonymousToken = await csrfToken(anonymous, '/auth/login');
    const signedOut = await anonymous.post(`/admin/users/${person.id}/password-link`).type('form').send({ _csrf: anonymousToken });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toBe('/auth/login');
    expect(await testApp.app.get(DataSource).getRepository(AccountToken).countBy({ userId: person.id })).toBe(0);
    expect((await submitForm(admin, '/admin/users', '/admin/users/999999/password-link', {})).status).toBe(404);
    expect((await submitForm(admin, '/admin/users', '/admin/users/abc/password-link', {})).status).toBe(404);
  });
});
