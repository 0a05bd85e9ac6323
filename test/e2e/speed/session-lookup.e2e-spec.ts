import { DataSource } from 'typeorm';
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { countQueries } from '../../utils/query-counter';
import { createTestApp, TestApp } from '../../utils/test-app';

describe('session and user lookup', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('reads the session and its user in one statement, and writes nothing on a repeat view', async () => {
    const user = await createUser(testApp.app, { name: 'Lectura Única' });
    const agent = await signedInAgent(testApp.app, user);
    await agent.get('/profile');
    const counter = countQueries(testApp.app);
    const page = await agent.get('/profile');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lectura Única');
    const sessionReads = counter.statements.filter((sql) => /FROM "?session"?/i.test(sql));
    const userReads = counter.statements.filter((sql) => /FROM "?app_user"?/i.test(sql));
    expect(sessionReads).toHaveLength(1);
    expect(sessionReads[0]).toMatch(/JOIN "?app_user"?/i);
    expect(userReads).toHaveLength(0);
    expect(counter.statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)/i.test(sql))).toEqual([]);
  });

  it('still applies a role change at once (the user is read with every request)', async () => {
    const user = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, user);
    expect((await agent.get('/admin/users')).status).toBe(403);
    await testApp.app.get(DataSource).getRepository(User).update({ id: user.id }, { role: 'admin' });
    expect((await agent.get('/admin/users')).status).toBe(200);
  });
});
