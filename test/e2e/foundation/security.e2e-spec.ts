import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '../../../src/users/user.entity';
import { createUser, DEFAULT_PASSWORD, profileFields, signedInAgent } from '../../utils/factories';
import { createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';

describe('security baseline', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('CSRF', () => {
    it('rejects a POST without a token with 403 and changes nothing', async () => {
      const agent = request.agent(testApp.server);
      await agent.get('/auth/register');
      const fields = {
        ...profileFields(),
        email: 'csrf@example.org',
        password: 'una frase segura',
        passwordConfirmation: 'una frase segura',
        dataConsent: 'yes',
      };
      const response = await agent.post('/auth/register').type('form').send(fields);
      expect(response.status).toBe(403);
      expect(response.text).toContain('La página caducó');
      expect(await testApp.app.get(DataSource).getRepository(User).countBy({ email: 'csrf@example.org' })).toBe(0);
    });

    it('rejects a token from another session', async () => {
      const user = await createUser(testApp.app);
      const victim = await signedInAgent(testApp.app, user);
      const attackerToken = await csrfToken(request.agent(testApp.server), '/auth/login');
      const response = await victim
        .post('/profile')
        .type('form')
        .send({ ...profileFields({ name: 'Hacked' }), _csrf: attackerToken });
      expect(response.status).toBe(403);
      expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: user.id })).name).not.toBe('Hacked');
    });

    it('rejects a JSON POST without a token too', async () => {
      const response = await request(testApp.server).post('/language').send({ lang: 'en' });
      expect(response.status).toBe(403);
    });
  });

  describe('throttling', () => {
    it('blocks an account after 5 failures, even with the right password, with the same message for unknown accounts', async () => {
      const user = await createUser(testApp.app);
      for (let i = 0; i < 5; i++) {
        const failure = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
          email: user.email,
          password: `wrong-${i}-password`,
        });
        expect(failure.status).toBe(401);
      }
      const blocked = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
        email: user.email,
        password: DEFAULT_PASSWORD,
      });
      expect(blocked.status).toBe(429);
      expect(blocked.text).toContain('Demasiados intentos fallidos');
    });

    it('holds across instances sharing the database', async () => {
      const user = await createUser(testApp.app);
      const other = await testApp.anotherInstance();
      for (let i = 0; i < 5; i++) {
        await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
          email: user.email,
          password: `wrong-${i}-password`,
        });
      }
      const onOther = await submitForm(request.agent(other.server), '/auth/login', '/auth/login', {
        email: user.email,
        password: DEFAULT_PASSWORD,
      });
      expect(onOther.status).toBe(429);
      await other.close();
    });
  });

  describe('redirects after sign-in', () => {
    it.each([
      ['/profile', '/profile'],
      ['https://evil.example/phish', '/'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
    ])('next=%s goes to %s', async (next, expected) => {
      const user = await createUser(testApp.app);
      const response = await submitForm(request.agent(testApp.server), `/auth/login?next=${encodeURIComponent(next)}`, '/auth/login', {
        email: user.email,
        password: DEFAULT_PASSWORD,
        next,
      });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(expected);
    });
  });

  describe('headers', () => {
    it('sends a strict Content-Security-Policy and nosniff', async () => {
      const response = await request(testApp.server).get('/');
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.text).not.toMatch(/<script/i);
    });
  });

  describe('bodies and errors', () => {
    it('answers 413 in the user language for an oversized form', async () => {
      const agent = request.agent(testApp.server);
      const token = await csrfToken(agent, '/auth/login');
      const response = await agent
        .post('/auth/login')
        .type('form')
        .send({ email: 'x@example.org', password: 'p'.repeat(300_000), _csrf: token });
      expect(response.status).toBe(413);
      expect(response.text).toContain('Envío demasiado grande');
    });

    it('shows a 404 page in Spanish, and in English after switching', async () => {
      const agent = request.agent(testApp.server);
      const es = await agent.get('/no-such-page');
      expect(es.status).toBe(404);
      expect(es.text).toContain('Página no encontrada');
      await submitForm(agent, '/', '/language', { lang: 'en', next: '/' });
      const en = await agent.get('/no-such-page');
      expect(en.text).toContain('Page not found');
      expect(en.text).toContain('<html lang="en">');
    });

    it('answers JSON under /api/', async () => {
      const response = await request(testApp.server).get('/api/nothing');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 404 });
    });

    it('never shows a stack trace for a malformed body', async () => {
      const agent = request.agent(testApp.server);
      const token = await csrfToken(agent, '/');
      const response = await agent.post('/language').set('x-csrf-token', token).set('content-type', 'application/json').send('{"lang": ');
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/at .*\.js:\d+/);
      expect(response.text).toContain('Solicitud no válida');
    });

    it('rejects unknown form fields with a message', async () => {
      const user = await createUser(testApp.app);
      const agent = await signedInAgent(testApp.app, user);
      const response = await submitForm(agent, '/profile', '/profile', {
        ...(profileFields() as unknown as Record<string, string>),
        role: 'admin',
      });
      expect(response.status).toBe(422);
      expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: user.id })).role).toBe('learner');
    });
  });
});
