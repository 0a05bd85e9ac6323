import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { AccountTokensService } from '../../../src/account/account-tokens.service';
import { SessionRecord } from '../../../src/sessions/session.entity';
import { SessionUser1795300005000 } from '../../../src/database/migrations/1795300005000-SessionUser';
import { createUser, DEFAULT_PASSWORD, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';

const NEW_PASSWORD = 'una frase nueva y larga';

async function isSignedIn(agent: Agent): Promise<boolean> {
  const res = await agent.get('/profile');
  if (res.status === 303 && String(res.headers.location).startsWith('/auth/login')) return false;
  if (res.status === 200) return true;
  throw new Error(`Unexpected /profile answer ${res.status}`);
}

describe('sessions of one account', () => {
  let testApp: TestApp;
  const sessionsOf = (userId: number) => testApp.app.get(DataSource).getRepository(SessionRecord).countBy({ userId });

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('changing the password signs the account out everywhere else, keeps this browser and other accounts signed in', async () => {
    const user = await createUser(testApp.app);
    const someoneElse = await createUser(testApp.app);
    const a = await signedInAgent(testApp.app, user);
    const b = await signedInAgent(testApp.app, user);
    const other = await signedInAgent(testApp.app, someoneElse);
    expect(await sessionsOf(user.id)).toBe(2);

    const changed = await submitForm(a, '/profile/password', '/profile/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(changed.status).toBe(303);

    expect(await isSignedIn(b)).toBe(false);
    expect((await b.get('/profile')).headers.location).toBe('/auth/login?next=%2Fprofile');
    const stillIn = await a.get('/profile');
    expect(stillIn.status).toBe(200);
    expect(stillIn.text).toContain('Su contraseña se cambió.');
    expect(await isSignedIn(other)).toBe(true);
    expect(await sessionsOf(user.id)).toBe(1);
    await expect(signedInAgent(testApp.app, user, NEW_PASSWORD)).resolves.toBeDefined();
  });

  it('a wrong current password changes nothing and ends no session', async () => {
    const user = await createUser(testApp.app);
    const a = await signedInAgent(testApp.app, user);
    const b = await signedInAgent(testApp.app, user);
    const refused = await submitForm(a, '/profile/password', '/profile/password', {
      currentPassword: 'no es esta',
      newPassword: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(refused.status).toBe(422);
    expect(await isSignedIn(b)).toBe(true);
    expect(await isSignedIn(a)).toBe(true);
  });

  it('changing the password also voids set-password links not used yet', async () => {
    const user = await createUser(testApp.app);
    const token = await testApp.app.get(AccountTokensService).issue(user.id, 'set-password');
    expect((await request(testApp.server).get(`/account/set-password/${token}`)).status).toBe(200);
    const a = await signedInAgent(testApp.app, user);
    await submitForm(a, '/profile/password', '/profile/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect((await request(testApp.server).get(`/account/set-password/${token}`)).status).toBe(404);
  });

  it('choosing a password through a set-password link signs the account out everywhere else', async () => {
    const user = await createUser(testApp.app);
    const elsewhere = await signedInAgent(testApp.app, user);
    const token = await testApp.app.get(AccountTokensService).issue(user.id, 'set-password');
    const path = `/account/set-password/${token}`;
    const browser = request.agent(testApp.server);
    const done = await submitForm(browser, path, path, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, dataConsent: 'yes' });
    expect(done.status).toBe(303);
    expect(await isSignedIn(browser)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it('the migration adds the column and fills it for sessions that existed before', async () => {
    const dataSource = testApp.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const migration = new SessionUser1795300005000();
    try {
      await migration.down(runner);
      const expiresAt = Date.now() + 60_000;
      await runner.manager
        .createQueryBuilder()
        .insert()
        .into('session', ['id', 'expiresAt', 'data'])
        .values([
          { id: 'old-signed-in', expiresAt, data: JSON.stringify({ cookie: {}, passport: { user: 4242 } }) },
          { id: 'old-visitor', expiresAt, data: JSON.stringify({ cookie: {}, lang: 'en' }) },
          { id: 'old-garbled', expiresAt, data: '{not json' },
        ])
        .execute();
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const sessions = dataSource.getRepository(SessionRecord);
    expect((await sessions.findOneByOrFail({ id: 'old-signed-in' })).userId).toBe(4242);
    expect(await sessions.countBy({ id: 'old-visitor', userId: IsNull() })).toBe(1);
    expect(await sessions.countBy({ id: 'old-garbled', userId: IsNull() })).toBe(1);
  });
});
