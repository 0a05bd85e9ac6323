import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/config/app-config';
import { User } from '../../../src/users/user.entity';
import { createUser, DEFAULT_PASSWORD } from '../../utils/factories';
import { createTestApp, csrfTokenFrom, TestApp } from '../../utils/test-app';

const ROOT = join(__dirname, '..', '..', '..');

describe('production behaviour', () => {
  it('refuses to start without SESSION_SECRET, with a clear message', () => {
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SESSION_SECRET is required in production');
  });

  describe('with a valid production configuration', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      const production = loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: '9d4b7f1c3e8a6052b9e1d7c3a5f80264bd3e1a9c7f5b0d2e4a6c8e1f3b5d7a90',
        SEED_DEMO: 'true',
        TRUST_PROXY: 'true',
      });
      testApp = await createTestApp({
        production: true,
        seedDemo: production.seedDemo,
        sessionSecret: production.sessionSecret,
        trustProxy: true,
      });
    });
    afterAll(async () => {
      await testApp.close();
    });

    it('creates no demo accounts', async () => {
      expect(await testApp.app.get(DataSource).getRepository(User).countBy({ email: 'aprendiz@demo.test' })).toBe(0);
    });

    it('sets Secure session cookies and HSTS behind an HTTPS proxy', async () => {
      const user = await createUser(testApp.app);
      expect(user.id).toBeGreaterThan(0);
      const response = await request(testApp.server).get('/auth/login').set('X-Forwarded-Proto', 'https');
      // A visitor holds only the form-token cookie; the session cookie comes with signing in.
      const visitorCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('vcsrf='));
      expect(visitorCookie).toMatch(/;\s*Secure/i);
      expect(visitorCookie).toMatch(/HttpOnly/i);
      // The test client speaks plain HTTP to the "proxy", so it sends the Secure cookie by hand.
      const signIn = await request(testApp.server)
        .post('/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', (visitorCookie as string).split(';')[0])
        .type('form')
        .send({ email: user.email, password: DEFAULT_PASSWORD, _csrf: csrfTokenFrom(response.text) });
      expect(signIn.status).toBe(303);
      const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('sid='));
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(response.headers['strict-transport-security']).toBeDefined();
    });
  });

  describe('in development', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await createTestApp({ seedDemo: true });
    });
    afterAll(async () => {
      await testApp.close();
    });

    it('creates the four demo accounts once, and they can sign in', async () => {
      const users = testApp.app.get(DataSource).getRepository(User);
      const demo = await users.find({
        where: [
          { email: 'aprendiz@demo.test' },
          { email: 'facilitador@demo.test' },
          { email: 'coordinadora@demo.test' },
          { email: 'admin@demo.test' },
        ],
      });
      expect(demo.map((u) => u.role).sort()).toEqual(['admin', 'coordinator', 'facilitator', 'learner']);
    });
  });
});
