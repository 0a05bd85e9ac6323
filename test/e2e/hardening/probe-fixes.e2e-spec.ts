import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '../../../src/users/user.entity';
import { createUser, DEFAULT_PASSWORD, profileFields, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';

const SITE = 'http://site.test';
/** Where a browser would go with this Location header. */
const hostOf = (location: string) => new URL(location, SITE).host;
const cookiesOf = (response: request.Response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []);
const HOSTILE_NEXT = ['/.//evil.example/', '/..//evil.example/', '/%2e//evil.example/', '/./\\evil.example/', '/%2E%2E//evil.example/x'];

function registration(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...(profileFields() as unknown as Record<string, string>),
    email: `sonda-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`,
    password: 'una frase larga y segura',
    passwordConfirmation: 'una frase larga y segura',
    dataConsent: 'yes',
    ...overrides,
  };
}

describe('fixes for the outside probe (issue #13)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('a cross-site POST /language gets 403 without replacing the signed-in user’s session cookie', async () => {
    const agent = await signedInAgent(testApp.app, await createUser(testApp.app));
    // Top-level POST from another site: SameSite=Lax keeps the browser from sending "sid", and there is no token.
    const forged = await request(testApp.server).post('/language').type('form').send({ lang: 'en', next: '/' });
    expect(forged.status).toBe(403);
    expect(cookiesOf(forged).filter((cookie) => cookie.startsWith('sid='))).toEqual([]);
    expect((await agent.get('/profile')).status).toBe(200);
  });

  describe.each(HOSTILE_NEXT)('next=%s never leads off the site', (next) => {
    it('on sign-in, registration and language', async () => {
      const user = await createUser(testApp.app);
      const signIn = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
        email: user.email,
        password: DEFAULT_PASSWORD,
        next,
      });
      expect(signIn.status).toBe(303);
      expect(hostOf(signIn.headers.location)).toBe('site.test');
      const page = await request(testApp.server).get(`/auth/login?next=${encodeURIComponent(next)}`);
      const hiddenNexts = [...page.text.matchAll(/name="next" value="([^"]*)"/g)].map((match) =>
        match[1].replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'),
      );
      expect(hiddenNexts.length).toBeGreaterThan(0);
      for (const value of hiddenNexts) expect(hostOf(value || '/')).toBe('site.test');

      const registered = await submitForm(request.agent(testApp.server), '/auth/register', '/auth/register', registration({ next }));
      expect(registered.status).toBe(303);
      expect(hostOf(registered.headers.location)).toBe('site.test');

      const language = await submitForm(request.agent(testApp.server), '/', '/language', { lang: 'en', next });
      expect(language.status).toBe(303);
      expect(hostOf(language.headers.location)).toBe('site.test');
    });

    it('in the returnTo field of a staff form', async () => {
      const admin = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'admin' }));
      const person = await createUser(testApp.app);
      const changed = await submitForm(admin, '/admin/users', `/admin/users/${person.id}/role`, { role: 'facilitator', returnTo: next });
      expect(changed.status).toBe(303);
      expect(hostOf(changed.headers.location)).toBe('site.test');
    });
  });

  describe('a NUL character (U+0000) in text', () => {
    it('is removed from form fields before anything stores them', async () => {
      const fields = registration({ name: 'Rosa\u0000 Nul', dutyStation: 'El\u0000 Amatillo' });
      const response = await submitForm(request.agent(testApp.server), '/auth/register', '/auth/register', fields);
      expect(response.status).toBe(303);
      const stored = await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ email: fields.email });
      expect(stored.name).toBe('Rosa Nul');
      expect(stored.dutyStation).toBe('El Amatillo');
    });

    it('never gives a 500: sign-in, query strings, route parameters, JSON bodies', async () => {
      const user = await createUser(testApp.app);
      const signIn = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
        email: `${user.email}\u0000`,
        password: 'wrong\u0000password',
      });
      expect(signIn.status).toBe(401);
      expect((await request(testApp.server).get('/courses?q=%00trata&topic=%00')).status).toBeLessThan(500);
      expect((await request(testApp.server).get('/courses/trata%00de-personas')).status).toBe(404);
      expect((await request(testApp.server).get('/auth/login?next=/profile%00')).status).toBe(200);
      const agent = request.agent(testApp.server);
      const token = await csrfToken(agent, '/auth/login');
      const json = await agent
        .post('/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a\u0000@example.org', password: 'x\u0000', _csrf: token }));
      expect(json.status).toBe(401);
    });
  });

  describe('/healthz', () => {
    it('answers 503 JSON during a database outage, even with a signed-in session cookie', async () => {
      const user = await createUser(testApp.app);
      const other = await testApp.anotherInstance();
      try {
        const agent = await signedInAgent(other.app, user);
        expect((await agent.get('/healthz')).status).toBe(200);
        await other.app.get(DataSource).destroy();
        const down = await agent.get('/healthz');
        expect(down.status).toBe(503);
        expect(down.headers['content-type']).toMatch(/application\/json/);
        expect(down.body).toEqual({ status: 'unavailable', database: 'down' });
      } finally {
        await other.close();
      }
    });

    it('answers 503 when the database answers but was recreated empty, and 200 once migrated again', async () => {
      const dataSource = testApp.app.get(DataSource);
      const queryRunner = dataSource.createQueryRunner();
      try {
        await queryRunner.clearDatabase();
      } finally {
        await queryRunner.release();
      }
      const empty = await request(testApp.server).get('/healthz');
      expect(empty.status).toBe(503);
      expect(empty.body).toEqual({ status: 'unavailable', database: 'not-migrated' });
      await dataSource.runMigrations({ transaction: 'each' });
      expect((await request(testApp.server).get('/healthz')).status).toBe(200);
    });
  });
});
