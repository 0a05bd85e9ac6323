import { ForgotPasswordService } from '../../../src/auth/forgot-password.service';
import { ThrottlingService } from '../../../src/throttling/throttling.service';
import { createUser, DEFAULT_PASSWORD } from '../../utils/factories';
import { testDatabaseKind } from '../../utils/test-database';
import request from 'supertest';
import { createTestApp, csrfTokenFrom, TestApp } from '../../utils/test-app';
import { SmtpSink } from '../mail/smtp-sink';
import { addressNumber, burst, tally } from './burst-helpers';

const login = (email: string, password: (i: number) => string) => (i: number) => ({ email, password: password(i) });

describe('limits under parallel bursts', () => {
  let sink: SmtpSink;
  let testApp: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    testApp = await createTestApp({ smtpUrl: sink.url, trustProxy: true });
  });
  afterAll(async () => {
    await testApp.close();
    await sink.close();
  });

  it('60 wrong passwords for one account sent at once: at most 5 are checked, the rest 429, never a 500', async () => {
    const user = await createUser(testApp.app);
    const statuses = await burst(
      [testApp.server],
      '/auth/login',
      '/auth/login',
      login(user.email, (i) => `wrong-${i}-password`),
      60,
      addressNumber('198.51.1'),
    );
    expect(tally(statuses)).toEqual({ 401: 5, 429: 55 });

    // The right password, even in a burst of its own after the limit, is refused.
    const after = await burst(
      [testApp.server],
      '/auth/login',
      '/auth/login',
      login(user.email, (i) => (i % 2 ? DEFAULT_PASSWORD : 'still-wrong')),
      10,
      addressNumber('198.51.2'),
    );
    expect(tally(after)).toEqual({ 429: 10 });

    // A refusal says, in the form and in Retry-After, that it is a matter of time: at most the 15-minute window.
    const agent = request.agent(testApp.server);
    const token = csrfTokenFrom((await agent.get('/auth/login')).text);
    const refused = await agent
      .post('/auth/login')
      .set('X-Forwarded-For', '198.51.2.200')
      .type('form')
      .send({ email: user.email, password: DEFAULT_PASSWORD, _csrf: token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('a burst mixing the right password with wrong ones passes at most 5 checks in all', async () => {
    const user = await createUser(testApp.app);
    const statuses = await burst(
      [testApp.server],
      '/auth/login',
      '/auth/login',
      login(user.email, (i) => (i === 19 ? DEFAULT_PASSWORD : `wrong-${i}`)),
      20,
      addressNumber('198.51.3'),
    );
    const counts = tally(statuses);
    expect(counts[500]).toBeUndefined();
    expect((counts[401] ?? 0) + (counts[303] ?? 0)).toBeLessThanOrEqual(5);
  });

  it('one address trying many accounts at once gets 30 checks, then 429', async () => {
    const statuses = await burst(
      [testApp.server],
      '/auth/login',
      '/auth/login',
      (i) => ({ email: `nadie-${i}@example.org`, password: 'wrong-password' }),
      40,
      () => '203.0.113.7',
    );
    expect(tally(statuses)).toEqual({ 401: 30, 429: 10 });
  });

  it('20 parallel "forgot password" requests for one account send at most 5 mails', async () => {
    const user = await createUser(testApp.app, { email: 'rafaga@example.org' });
    const statuses = await burst(
      [testApp.server],
      '/auth/forgot-password',
      '/auth/forgot-password',
      () => ({ email: user.email }),
      20,
      addressNumber('198.51.4'),
    );
    expect(tally(statuses)).toEqual({ 303: 5, 429: 15 });
    await testApp.app.get(ForgotPasswordService).onModuleDestroy(); // every mail that was going to leave has left
    expect(sink.to('rafaga@example.org')).toHaveLength(5);
  });
});

// Several instances means PostgreSQL (README): these tests belong to the PostgreSQL phase of `npm test`
// and are not registered in the SQLite phase (a deployment that SQLite does not support, not a skip).
// Two SQLite apps in one test process would also share libuv's four worker threads: that tests Jest.
if (testDatabaseKind() === 'postgres')
  describe('limits across two instances on one PostgreSQL database', () => {
    let sink: SmtpSink;
    let testApp: TestApp;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      testApp = await createTestApp({ smtpUrl: sink.url, trustProxy: true });
    });
    afterAll(async () => {
      await testApp.close();
      await sink.close();
    });

    it('each instance counting at once: 5 in all, for sign-in, forgotten password and the service itself', async () => {
      const other = await testApp.anotherInstance();
      const servers = [testApp.server, other.server];
      try {
        const user = await createUser(testApp.app, { email: 'dos-instancias@example.org' });
        const signIns = await burst(
          servers,
          '/auth/login',
          '/auth/login',
          login(user.email, (i) => `wrong-${i}`),
          30,
          addressNumber('198.51.5'),
        );
        expect(tally(signIns)).toEqual({ 401: 5, 429: 25 });

        const forgot = await burst(
          servers,
          '/auth/forgot-password',
          '/auth/forgot-password',
          () => ({ email: user.email }),
          20,
          addressNumber('198.51.6'),
        );
        expect(tally(forgot)).toEqual({ 303: 5, 429: 15 });
        await Promise.all([testApp.app, other.app].map((app) => app.get(ForgotPasswordService).onModuleDestroy()));
        expect(sink.to(user.email)).toHaveLength(5);

        // The service of each instance, on its own connection or pool.
        const services = [testApp.app.get(ThrottlingService), other.app.get(ThrottlingService)];
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, i) => services[i % 2].consume('signInAccount', 'servicio@example.org')),
        );
        expect(results.filter((r) => r.allowed)).toHaveLength(5);
        expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds > 0 && r.retryAfterSeconds <= 900)).toBe(true);
        await services[1].reset('signInAccount', 'servicio@example.org');
        expect((await services[0].consume('signInAccount', 'servicio@example.org')).allowed).toBe(true);
      } finally {
        await other.close();
      }
    });
  });
