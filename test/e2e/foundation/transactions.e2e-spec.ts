import { DataSource } from 'typeorm';
import { LoginThrottle } from '../../../src/auth/login-throttle.entity';
import { createTestApp, TestApp } from '../../utils/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactions started at the same moment', () => {
  let testApp: TestApp;
  beforeAll(async () => { testApp = await createTestApp(); });
  afterAll(async () => { await testApp.close(); });

  it('stay isolated: one rolling back never undoes the other', async () => {
    const dataSource = testApp.app.get(DataSource);
    const row = (key: string) => ({ key, failures: 1, windowStartedAt: Date.now(), blockedUntil: null });
    const failing = dataSource.transaction(async (manager) => {
      await manager.getRepository(LoginThrottle).insert(row('tx-rolled-back'));
      await pause(100);
      throw new Error('rolled back on purpose');
    });
    const succeeding = dataSource.transaction(async (manager) => {
      await pause(10);
      await manager.getRepository(LoginThrottle).insert(row('tx-committed'));
    });
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await expect(succeeding).resolves.toBeUndefined();
    const keys = (await dataSource.getRepository(LoginThrottle).find()).map((r) => r.key);
    expect(keys).toContain('tx-committed');
    expect(keys).not.toContain('tx-rolled-back');
  });
});
