import { createUser, signedInAgent } from '../../utils/factories';
import { createCohort, createCourse, enrol, enrolmentsOf } from '../../utils/cohort-factories';
import { Agent, createTestApp, csrfToken, TestApp } from '../../utils/test-app';

/**
 * Many people press "Enrol" at the same moment: the seat count and the insert
 * happen in one transaction under the cohort lock (row lock on PostgreSQL,
 * serialised writers on SQLite), so the cohort never gets one seat too many.
 */
describe('capacity under concurrent enrolments', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function readyAgents(count: number, path: string): Promise<{ agent: Agent; token: string; userId: number }[]> {
    return Promise.all(
      Array.from({ length: count }, async () => {
        const user = await createUser(testApp.app);
        const agent = await signedInAgent(testApp.app, user);
        return { agent, token: await csrfToken(agent, path), userId: user.id };
      }),
    );
  }

  it('gives the last seat to exactly one of many simultaneous learners', async () => {
    const course = await createCourse(testApp.app);
    const cohort = await createCohort(testApp.app, course, { capacity: 3 });
    for (let i = 0; i < 2; i += 1) await enrol(testApp.app, await createUser(testApp.app), cohort);
    const path = `/courses/${course.slug}/cohorts`;
    const contenders = await readyAgents(16, path);

    const responses = await Promise.all(
      contenders.map(({ agent, token }) => agent.post(`${path}/${cohort.id}/enrol`).type('form').send({ _csrf: token })),
    );

    expect(responses.filter((res) => res.status === 303)).toHaveLength(1);
    const refused = responses.filter((res) => res.status === 409);
    expect(refused).toHaveLength(15);
    for (const res of refused) expect(res.text).toContain('La cohorte está llena');
    expect(await enrolmentsOf(testApp.app, { cohortId: cohort.id, status: 'active' })).toHaveLength(3);
  });

  it('fills an empty cohort to exactly its capacity', async () => {
    const course = await createCourse(testApp.app);
    const cohort = await createCohort(testApp.app, course, { capacity: 5 });
    const path = `/courses/${course.slug}/cohorts`;
    const contenders = await readyAgents(12, path);
    const responses = await Promise.all(
      contenders.map(({ agent, token }) => agent.post(`${path}/${cohort.id}/enrol`).type('form').send({ _csrf: token })),
    );
    expect(responses.filter((res) => res.status === 303)).toHaveLength(5);
    expect(responses.filter((res) => res.status === 409)).toHaveLength(7);
    expect(await enrolmentsOf(testApp.app, { cohortId: cohort.id, status: 'active' })).toHaveLength(5);
  });

  it('keeps one active cohort per course when one learner enrols in several of its cohorts at once', async () => {
    const course = await createCourse(testApp.app);
    const cohorts = await Promise.all(['SV', 'GT', 'HN', 'MX'].map((country) => createCohort(testApp.app, course, { country })));
    const path = `/courses/${course.slug}/cohorts`;
    const [{ agent, token, userId }] = await readyAgents(1, path);
    const responses = await Promise.all(
      cohorts.map((cohort) => agent.post(`${path}/${cohort.id}/enrol`).type('form').send({ _csrf: token })),
    );
    expect(responses.filter((res) => res.status === 303)).toHaveLength(1);
    const refused = responses.filter((res) => res.status === 409);
    expect(refused).toHaveLength(3);
    for (const res of refused) expect(res.text).toContain('Ya tiene una inscripción activa en otra cohorte de este curso');
    expect(await enrolmentsOf(testApp.app, { userId, status: 'active' })).toHaveLength(1);
  });
});
