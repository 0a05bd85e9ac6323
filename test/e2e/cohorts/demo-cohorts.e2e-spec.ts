import { DataSource } from 'typeorm';
import { DEMO_FACILITATOR_EMAIL, DEMO_LEARNER_EMAIL, seedDemoCohorts } from '../../../src/cohorts/demo-cohorts';
import { CohortFacilitator } from '../../../src/cohorts/entities/cohort-facilitator.entity';
import { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { seedDemoAccounts } from '../../../src/seed/demo-accounts';
import { UsersService } from '../../../src/users/users.service';
import { createCourse } from '../../utils/cohort-factories';
import { createTestApp, TestApp } from '../../utils/test-app';
import { signedInAgent } from '../../utils/factories';

describe('demo cohorts', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('creates cohorts in three countries for the courses present, skips the others, and is idempotent', async () => {
    const silent = { log: () => undefined } as never;
    await seedDemoAccounts(testApp.app.get(UsersService), silent);
    await createCourse(testApp.app, { slug: 'ninez-migrante' });
    await createCourse(testApp.app, { slug: 'trata-de-personas' });
    await seedDemoCohorts(testApp.app, silent);
    await seedDemoCohorts(testApp.app, silent);

    const data = testApp.app.get(DataSource);
    const cohorts = await data.getRepository(Cohort).find({ relations: { course: true }, order: { id: 'ASC' } });
    expect(cohorts).toHaveLength(6);
    expect(new Set(cohorts.map((cohort) => cohort.course.slug))).toEqual(new Set(['ninez-migrante', 'trata-de-personas']));
    expect(new Set(cohorts.map((cohort) => cohort.country))).toEqual(new Set(['SV', 'GT', 'HN']));
    expect(new Set(cohorts.map((cohort) => cohort.enrolmentMode))).toEqual(new Set(['open', 'key', 'approval', 'invitation']));

    const users = testApp.app.get(UsersService);
    const facilitator = await users.findByEmail(DEMO_FACILITATOR_EMAIL);
    const learner = await users.findByEmail(DEMO_LEARNER_EMAIL);
    expect(await data.getRepository(CohortFacilitator).countBy({ userId: facilitator!.id })).toBeGreaterThan(1);
    expect(await data.getRepository(Enrolment).findBy({ userId: learner!.id })).toEqual([expect.objectContaining({ status: 'active' })]);

    // The demo facilitator signs in and sees only the cohorts assigned to them.
    const agent = await signedInAgent(testApp.app, { email: DEMO_FACILITATOR_EMAIL }, 'demo-facilitador-2026');
    const page = await agent.get('/cohorts');
    expect(page.text).toContain('Niñez migrante, 2.ª edición, El Salvador');
    expect(page.text).not.toContain('Niñez migrante, 2.ª edición, Honduras');
  });
});
