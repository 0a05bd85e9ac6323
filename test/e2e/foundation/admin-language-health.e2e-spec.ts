import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';

describe('roles, language and health', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('admin user management', () => {
    it('lists, searches and pages users', async () => {
      const admin = await createUser(testApp.app, { role: 'admin', name: 'Admin Principal' });
      for (let i = 0; i < 27; i++) await createUser(testApp.app, { name: `Participante Paginado ${String(i).padStart(2, '0')}` });
      await createUser(testApp.app, { name: 'Xiomara Buscable' });
      const agent = await signedInAgent(testApp.app, admin);
      const search = await agent.get('/admin/users?q=xiomara');
      expect(search.status).toBe(200);
      expect(search.text).toContain('Xiomara Buscable');
      expect(search.text).not.toContain('Participante Paginado');
      const first = await agent.get('/admin/users?q=paginado');
      expect(first.text).toContain('Página 1 de 2');
      expect(first.text).toContain('href="/admin/users?q&#x3D;paginado&amp;page&#x3D;2" rel="next"');
      const second = await agent.get('/admin/users?q=paginado&page=2');
      expect(second.text).toContain('Participante Paginado 26');
      expect(second.text).not.toContain('Participante Paginado 00');
      const wildcard = await agent.get('/admin/users?q=%25');
      expect(wildcard.text).toContain('0 usuarios');
    });

    it("changes another user's role, and the change applies at once", async () => {
      const admin = await createUser(testApp.app, { role: 'admin' });
      const target = await createUser(testApp.app);
      const targetAgent = await signedInAgent(testApp.app, target);
      expect((await targetAgent.get('/admin/users')).status).toBe(403);
      const agent = await signedInAgent(testApp.app, admin);
      const response = await submitForm(agent, '/admin/users', `/admin/users/${target.id}/role`, {
        role: 'coordinator',
        returnTo: '/admin/users?q=x',
      });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/admin/users?q=x');
      expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: target.id })).role).toBe('coordinator');
    });

    it('never lets a user change their own role', async () => {
      const admin = await createUser(testApp.app, { role: 'admin' });
      const agent = await signedInAgent(testApp.app, admin);
      const response = await submitForm(agent, '/admin/users', `/admin/users/${admin.id}/role`, { role: 'learner' });
      expect(response.status).toBe(403);
      expect(response.text).toContain('No puede cambiar su propio rol');
      expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: admin.id })).role).toBe('admin');
    });

    it('refuses role changes by non-admins, and an invalid role', async () => {
      const coordinator = await createUser(testApp.app, { role: 'coordinator' });
      const target = await createUser(testApp.app);
      const agent = await signedInAgent(testApp.app, coordinator);
      const token = await csrfToken(agent, '/profile');
      const byCoordinator = await agent.post(`/admin/users/${target.id}/role`).type('form').send({ role: 'admin', _csrf: token });
      expect(byCoordinator.status).toBe(403);
      const admin = await createUser(testApp.app, { role: 'admin' });
      const adminAgent = await signedInAgent(testApp.app, admin);
      const invalid = await submitForm(adminAgent, '/admin/users', `/admin/users/${target.id}/role`, { role: 'superuser' });
      expect(invalid.status).toBe(422);
      expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: target.id })).role).toBe('learner');
    });

    it('sends anonymous visitors to the sign-in page', async () => {
      const response = await request(testApp.server).get('/admin/users?q=a');
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/auth/login?next=%2Fadmin%2Fusers%3Fq%3Da');
    });
  });

  describe('language', () => {
    it('is Spanish by default and remembers a switch to English', async () => {
      const agent = request.agent(testApp.server);
      const es = await agent.get('/auth/login');
      expect(es.text).toContain('<html lang="es">');
      expect(es.text).toContain('Iniciar sesión');
      const switched = await submitForm(agent, '/auth/login', '/language', { lang: 'en', next: '/auth/login' });
      expect(switched.status).toBe(303);
      expect(switched.headers.location).toBe('/auth/login');
      const en = await agent.get('/auth/login');
      expect(en.text).toContain('<html lang="en">');
      expect(en.text).toContain('Sign in');
      expect(en.text).not.toContain('Iniciar sesión');
    });

    it('saves the choice on the account, so it follows the user to a new session', async () => {
      const user = await createUser(testApp.app);
      const agent = await signedInAgent(testApp.app, user);
      await submitForm(agent, '/profile', '/language', { lang: 'en', next: '/profile' });
      expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: user.id })).preferredLanguage).toBe('en');
      const fresh = await signedInAgent(testApp.app, user);
      expect((await fresh.get('/profile')).text).toContain('<html lang="en">');
    });

    it('refuses an unsupported language', async () => {
      const response = await submitForm(request.agent(testApp.server), '/', '/language', { lang: 'fr' });
      expect(response.status).toBe(422);
    });
  });

  describe('sessions in the database', () => {
    it('keep a user signed in on another instance and after a restart', async () => {
      const user = await createUser(testApp.app);
      const agent = await signedInAgent(testApp.app, user);
      const cookie = (await agent.get('/profile')).request.cookies;
      const other = await testApp.anotherInstance();
      const onOther = await request(other.server).get('/profile').set('Cookie', cookie);
      expect(onOther.status).toBe(200);
      expect(onOther.text).toContain(user.email);
      await other.close();
    });
  });

  describe('health', () => {
    it('answers 200 while the database answers, 503 when it does not, and pages show a 500 without a stack trace', async () => {
      const other = await testApp.anotherInstance();
      const up = await request(other.server).get('/healthz');
      expect(up.status).toBe(200);
      expect(up.body).toEqual({ status: 'ok', database: 'up' });
      await other.app.get(DataSource).destroy();
      const down = await request(other.server).get('/healthz');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'unavailable', database: 'down' });
      const page = await request(other.server).get('/courses');
      expect(page.status).toBe(500);
      expect(page.text).toContain('Algo salió mal');
      expect(page.text).not.toMatch(/Error:|at .*\.(ts|js):\d+/);
    });
  });
});
