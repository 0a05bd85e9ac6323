import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { User } from '../../../src/users/user.entity';
import { createUser, profileFields, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfToken, TestApp } from '../../utils/test-app';
import { testDatabaseKind } from '../../utils/test-database';

/**
 * A database that cannot write (read-only file, disk full, server refusing
 * writes or dropping connections) gives a clear 503 page in the person's
 * language, never a 500 or a crash, and the site works again once the fault
 * clears. How the faults are made, so that they also work as root (CI), where
 * file permissions do not stop writes:
 *   SQLite: `PRAGMA query_only` on the app's connection (every write fails with
 *   SQLITE_READONLY, as with a read-only file) and `PRAGMA max_page_count`
 *   (the file may not grow: SQLITE_FULL, exactly what a full disk gives).
 *   PostgreSQL: `default_transaction_read_only` on the database and the app's
 *   connections terminated (57P01, then 25006 on every write).
 */
describe("database faults: 503 in the person's language, then recovery", () => {
  let testApp: TestApp;
  let data: DataSource;
  let spanish: User;
  let english: User;
  let es: Agent;
  let en: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    data = testApp.app.get(DataSource);
    spanish = await createUser(testApp.app, { preferredLanguage: 'es' });
    english = await createUser(testApp.app, { preferredLanguage: 'en' });
    es = await signedInAgent(testApp.app, spanish);
    en = await signedInAgent(testApp.app, english);
  });
  afterAll(async () => {
    await testApp.close();
  });

  // The forms were loaded before the fault (a session that cannot be written cannot keep a new token either).
  const tokens = new Map<Agent, string>();
  const saveProfile = async (agent: Agent, name: string) => {
    const token = tokens.get(agent) ?? (await csrfToken(agent, '/profile'));
    tokens.set(agent, token);
    return agent
      .post('/profile')
      .type('form')
      .send({ ...profileFields({ name, preferredLanguage: agent === en ? 'en' : 'es' }), _csrf: token });
  };
  const nameOf = async (user: User) => (await data.getRepository(User).findOneByOrFail({ id: user.id })).name;

  function expectUnavailable(response: request.Response, language: 'es' | 'en') {
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.text).toContain(language === 'es' ? 'lo que envió no se guardó' : 'what you sent was not saved');
    expect(response.text).not.toMatch(/at \w+ \(|QueryFailedError|SQLITE_|\/node_modules\//);
  }

  async function withServerReadOnly(readOnly: boolean): Promise<void> {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const name = (testApp.config.database as { url: string }).url.split('/').pop()!;
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${readOnly ? 'on' : 'off'}`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.end();
  }

  /** Sends until the answer is not a 503 (the pool replaces the connections the fault broke); never a 500 on the way. */
  async function untilServed(send: () => Promise<request.Response>): Promise<request.Response> {
    for (let tries = 0; ; tries += 1) {
      const response = await send();
      expect(response.status).not.toBe(500);
      if (response.status !== 503 || tries > 20) return response;
    }
  }

  it('answers 503 to writes while the database is read-only, keeps serving reads, and saves again afterwards', async () => {
    for (const agent of [es, en]) tokens.set(agent, await csrfToken(agent, '/profile'));
    if (testDatabaseKind() === 'sqlite') await data.query('PRAGMA query_only = 1');
    else await withServerReadOnly(true);
    try {
      // On PostgreSQL the first request meets a terminated connection (57P01), the next ones a read-only server (25006): 503 both.
      expectUnavailable(await saveProfile(es, 'Nombre durante la falla'), 'es');
      expectUnavailable(await saveProfile(en, 'Name during the fault'), 'en');
      const anonymous = await request(testApp.server).get('/healthz');
      expect(anonymous.headers['content-type']).toContain('application/json');
      expect((await untilServed(() => es.get('/courses'))).status).toBe(200);
    } finally {
      if (testDatabaseKind() === 'sqlite') await data.query('PRAGMA query_only = 0');
      else await withServerReadOnly(false);
    }
    const saved = await untilServed(() => saveProfile(es, 'Nombre después de la falla'));
    expect(saved.status).toBe(303);
    expect(await nameOf(spanish)).toBe('Nombre después de la falla');
    expect(await nameOf(english)).not.toBe('Name during the fault');
  });

  if (testDatabaseKind() === 'sqlite') {
    it('answers 503 when the disk is full (the file may not grow), writes nothing, and recovers', async () => {
      const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
      const before = await data.query<{ count: number }[]>('SELECT COUNT(*) AS count FROM app_user');
      const [{ page_count: pages }] = await data.query<{ page_count: number }[]>('PRAGMA page_count');
      let registered = 0;
      await data.query(`PRAGMA max_page_count = ${pages}`);
      try {
        // Registration writes a new account and its session: pages the file may not add.
        const visitor = request.agent(testApp.server);
        let answer: request.Response | undefined;
        for (let index = 0; index < 40 && answer?.status !== 503; index += 1) {
          const token = await csrfToken(visitor, '/auth/register');
          answer = await visitor
            .post('/auth/register')
            .type('form')
            .send({
              ...profileFields({ name: 'x'.repeat(120), position: 'y'.repeat(120), dutyStation: 'z'.repeat(120) }),
              email: `lleno${index}@example.org`,
              password: 'una frase bastante larga',
              passwordConfirmation: 'una frase bastante larga',
              dataConsent: 'yes',
              _csrf: token,
            });
          expect(answer.status).not.toBe(500);
          if (answer.status === 303) registered += 1;
        }
        expectUnavailable(answer!, 'es');
        expect((await coordinator.get('/cohorts')).status).toBe(200);
      } finally {
        await data.query('PRAGMA max_page_count = 1073741823');
      }
      const after = await data.query<{ count: number }[]>('SELECT COUNT(*) AS count FROM app_user');
      expect(Number(after[0].count)).toBe(Number(before[0].count) + registered);
      expect((await saveProfile(es, 'Nombre con disco libre')).status).toBe(303);
      const [{ integrity_check: integrity }] = await data.query<{ integrity_check: string }[]>('PRAGMA integrity_check');
      expect(integrity).toBe('ok');
    });
  }
});
