import { createCohort, createCourse } from '../../utils/cohort-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';

/** Other spellings of the same number: each one must be a page that does not exist, on every route with an id. */
function otherSpellings(id: number): string[] {
  return [`${id}.0`, `0x${id.toString(16)}`, `+${id}`, `${id}e0`, `0${id}`];
}

describe('ids in the URL: one strict pipe', () => {
  let testApp: TestApp;
  let coordinator: Agent;
  let admin: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    admin = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'admin' }));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers a cohort page only to its plain id', async () => {
    const cohort = await createCohort(testApp.app, await createCourse(testApp.app));
    expect((await coordinator.get(`/cohorts/${cohort.id}`)).status).toBe(200);
    expect((await coordinator.get(`/cohorts/${cohort.id}/learners`)).status).toBe(200);
    for (const spelling of otherSpellings(cohort.id)) {
      expect({ spelling, status: (await coordinator.get(`/cohorts/${spelling}`)).status }).toEqual({ spelling, status: 404 });
      expect({ spelling, status: (await coordinator.get(`/cohorts/${spelling}/learners`)).status }).toEqual({ spelling, status: 404 });
    }
  });

  it('answers 404, not 400, to a form posted to another spelling of a user id', async () => {
    const target = await createUser(testApp.app, { role: 'learner' });
    for (const spelling of otherSpellings(target.id)) {
      const response = await submitForm(admin, '/admin/users', `/admin/users/${spelling}/role`, { role: 'facilitator' });
      expect({ spelling, status: response.status }).toEqual({ spelling, status: 404 });
    }
    const changed = await submitForm(admin, '/admin/users', `/admin/users/${target.id}/role`, { role: 'facilitator' });
    expect(changed.status).toBe(303);
  });
});
