import { DataSource, EntityManager } from 'typeorm';
import { FormError } from '../../../src/common/errors';
import { ThrottlingService } from '../../../src/throttling/throttling.service';
import { UsersService } from '../../../src/users/users.service';
import { createUser } from '../../utils/factories';
import { createTestApp, TestApp } from '../../utils/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const insertRow = (manager: EntityManager, key: string) =>
  manager
    .createQueryBuilder()
    .insert()
    .into('rate_limit')
    .values({ key, points: 1, expire: Date.now() + 60_000 })
    .execute();
const storedKeys = async (dataSource: DataSource) =>
  ((await dataSource.createQueryBuilder().select('r.key', 'key').from('rate_limit', 'r').getRawMany()) as { key: string }[]).map(
    (r) => r.key,
  );

describe('transactions started at the same moment', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('stay isolated: one rolling back never undoes the other', async () => {
    const dataSource = testApp.app.get(DataSource);
    const failing = dataSource.transaction(async (manager) => {
      await insertRow(manager, 'tx-rolled-back');
      await pause(100);
      throw new Error('rolled back on purpose');
    });
    const succeeding = dataSource.transaction(async (manager) => {
      await pause(10);
      await insertRow(manager, 'tx-committed');
    });
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await expect(succeeding).resolves.toBeUndefined();
    const keys = await storedKeys(dataSource);
    expect(keys).toContain('tx-committed');
    expect(keys).not.toContain('tx-rolled-back');
  });

  it('a throttle count made while another request’s transaction rolls back is kept', async () => {
    const dataSource = testApp.app.get(DataSource);
    const throttling = testApp.app.get(ThrottlingService);
    const failing = dataSource.transaction(async () => {
      await pause(100);
      throw new Error('rolled back on purpose');
    });
    await pause(10);
    const counts = Promise.all(Array.from({ length: 6 }, () => throttling.consume('signInAccount', 'during-rollback@example.org')));
    await expect(failing).rejects.toThrow('rolled back on purpose');
    expect((await counts).filter((r) => r.allowed)).toHaveLength(5);
    expect((await throttling.consume('signInAccount', 'during-rollback@example.org')).allowed).toBe(false);
  });

  it('a burst of save() calls: each is its own transaction, a duplicate is refused plainly and a rollback elsewhere undoes none', async () => {
    const dataSource = testApp.app.get(DataSource);
    const failing = dataSource.transaction(async (manager) => {
      await insertRow(manager, 'tx-rolled-back-during-saves');
      await pause(1500); // long enough for the passwords to be hashed and the saves to arrive while it is open
      throw new Error('rolled back on purpose');
    });
    await pause(10);
    const emails = ['burst-a@example.org', 'burst-a@example.org', 'burst-b@example.org', 'burst-a@example.org', 'burst-c@example.org'];
    const outcomes = await Promise.allSettled(emails.map((email) => createUser(testApp.app, { email })));
    await expect(failing).rejects.toThrow('rolled back on purpose');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(FormError);
    const users = testApp.app.get(UsersService);
    for (const email of ['burst-a@example.org', 'burst-b@example.org', 'burst-c@example.org'])
      expect(await users.findByEmail(email)).not.toBeNull();
    expect(await storedKeys(dataSource)).not.toContain('tx-rolled-back-during-saves');
  });
});
