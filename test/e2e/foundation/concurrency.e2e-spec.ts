import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '../../../src/users/user.entity';
import { profileFields } from '../../utils/factories';
import { createTestApp, csrfTokenFrom, TestApp } from '../../utils/test-app';
import { testDatabaseKind } from '../../utils/test-database';

describe('concurrent writes', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('uses WAL and a busy timeout on SQLite', async () => {
    if (testDatabaseKind() !== 'sqlite') {
      // PostgreSQL has row-level locking and needs neither; check it is really PostgreSQL.
      expect(testApp.app.get(DataSource).options.type).toBe('postgres');
      return;
    }
    const dataSource = testApp.app.get(DataSource);
    expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    const [timeout] = (await dataSource.query('PRAGMA busy_timeout')) as Record<string, number>[];
    expect(Object.values(timeout)[0]).toBeGreaterThanOrEqual(5000);
  });

  it('registers 25 people at the same moment without a single failure', async () => {
    const agents = await Promise.all(
      Array.from({ length: 25 }, async () => {
        const agent = request.agent(testApp.server);
        const page = await agent.get('/auth/register');
        return { agent, token: csrfTokenFrom(page.text) };
      }),
    );
    const responses = await Promise.all(
      agents.map(({ agent, token }, i) =>
        agent
          .post('/auth/register')
          .type('form')
          .send({
            ...profileFields({ name: `Participante Simultáneo ${i}` }),
            email: `simultaneo-${i}@example.org`,
            password: 'frase segura simultanea',
            passwordConfirmation: 'frase segura simultanea',
            dataConsent: 'yes',
            _csrf: token,
          }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(25).fill(303));
    const count = await testApp.app
      .get(DataSource)
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.email LIKE :p', { p: 'simultaneo-%' })
      .getCount();
    expect(count).toBe(25);
  });
});
