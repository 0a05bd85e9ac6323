import request from 'supertest';
import { Clock } from '../../../src/common/clock';
import { answerPairs, latestAttempt } from '../learning/quiz-helpers';
import { assignFacilitator, createCohort, createCourse, enrol, enrolledCourse } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { countQueries, QueryCounter } from '../../utils/query-counter';
import { Agent, createTestApp, csrfToken, TestApp } from '../../utils/test-app';

/**
 * SQL statements per request, counted through the real app after one warm-up
 * view (published content is then in memory). With the clock standing still:
 * the content version check (at most once a second per instance, one
 * statement) and the session touch (at most once a minute, one statement)
 * come on top now and then.
 *
 * | page                                            | budget |
 * |-------------------------------------------------|--------|
 * | module page, signed-in learner                  | 4      |
 * | course page, signed-in learner                  | 4      |
 * | My courses (same for 1 and 5 enrolments)        | 5      |
 * | catalogue, visitor                              | 1      |
 * | module quiz page, learner, attempt open         | 3      |
 * | quiz submission (graded, grade and activity stored, flash) | 10 |
 * | staff: a cohort's learners (same for 1 and 12)  | 9      |
 *
 * The submission that completes the course writes the completion (and the
 * scores copied to the enrolment) on top: one or two statements more.
 */
const BUDGETS = {
  modulePage: 4,
  coursePage: 4,
  myCourses: 5,
  catalogue: 1,
  quizPage: 3,
  quizSubmission: 10,
  learnerList: 9,
};

jest.setTimeout(120_000);

describe('query budgets per page', () => {
  let testApp: TestApp;
  let queries: QueryCounter;

  beforeAll(async () => {
    testApp = await createTestApp();
    const frozen = new Date();
    jest.spyOn(testApp.app.get(Clock), 'now').mockImplementation(() => new Date(frozen));
    queries = countQueries(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Statements of one request after a warm-up view of the same path. */
  async function statementsOf(agent: Agent | null, path: string): Promise<string[]> {
    const get = (target: string) => (agent ?? request(testApp.server)).get(target);
    expect((await get(path)).status).toBe(200);
    queries.reset();
    const response = await get(path);
    expect(response.status).toBe(200);
    if (process.env.SHOW_QUERIES) console.log(path, queries.statements.length, queries.statements.join('\n'));
    return [...queries.statements];
  }

  async function learnerIn(courseCount: number) {
    const user = await createUser(testApp.app);
    const courses = [];
    for (let i = 0; i < courseCount; i += 1) courses.push(await enrolledCourse(testApp.app, user));
    return { user, courses, agent: await signedInAgent(testApp.app, user) };
  }

  it('module page and course page of a signed-in learner', async () => {
    const {
      agent,
      courses: [{ course }],
    } = await learnerIn(1);
    const module = await statementsOf(agent, `/courses/${course.slug}/modules/01-conceptos`);
    expect(module.length).toBeLessThanOrEqual(BUDGETS.modulePage);
    const coursePage = await statementsOf(agent, `/courses/${course.slug}`);
    expect(coursePage.length).toBeLessThanOrEqual(BUDGETS.coursePage);
  });

  it('My courses: the same number of statements for one and for five enrolments', async () => {
    const one = await learnerIn(1);
    const five = await learnerIn(5);
    const withOne = await statementsOf(one.agent, '/my/courses');
    const withFive = await statementsOf(five.agent, '/my/courses');
    expect(withOne.length).toBeLessThanOrEqual(BUDGETS.myCourses);
    expect(withFive.length).toBe(withOne.length);
  });

  it('catalogue for a visitor', async () => {
    await createCourse(testApp.app);
    expect((await statementsOf(null, '/courses')).length).toBeLessThanOrEqual(BUDGETS.catalogue);
  });

  it('module quiz page and quiz submission', async () => {
    const {
      user,
      agent,
      courses: [{ course, modules, questions }],
    } = await learnerIn(1);
    const base = `/courses/${course.slug}/modules/01-conceptos/quiz`;
    const token = await csrfToken(agent, base);
    expect((await agent.post(`${base}/start`).type('form').send({ _csrf: token })).status).toBe(303);
    const page = await statementsOf(agent, base);
    expect(page.length).toBeLessThanOrEqual(BUDGETS.quizPage);

    const attempt = await latestAttempt(testApp.app, user.id, modules[0].id);
    const body = new URLSearchParams([...answerPairs(attempt, questions['01-conceptos'], 'right'), ['_csrf', token]]).toString();
    queries.reset();
    const submitted = await agent.post(`${base}/attempts/${attempt.id}`).type('form').send(body);
    expect(submitted.status).toBe(303);
    expect(submitted.headers.location).toBe(`${base}/attempts/${attempt.id}`);
    const statements = [...queries.statements];
    if (process.env.SHOW_QUERIES) console.log('submit', statements.length, statements.join('\n'));
    expect((await latestAttempt(testApp.app, user.id, modules[0].id)).passed).toBe(true);
    expect(statements.length).toBeLessThanOrEqual(BUDGETS.quizSubmission);
  });

  it("staff list of a cohort's learners: the same number of statements for one and for twelve learners", async () => {
    const { course } = await createCourse(testApp.app);
    const facilitator = await createUser(testApp.app, { role: 'facilitator' });
    const agent = await signedInAgent(testApp.app, facilitator);
    const counts: number[] = [];
    for (const size of [1, 12]) {
      const cohort = await createCohort(testApp.app, course);
      await assignFacilitator(testApp.app, cohort, facilitator);
      for (let i = 0; i < size; i += 1) await enrol(testApp.app, await createUser(testApp.app), course, cohort);
      const statements = await statementsOf(agent, `/cohorts/${cohort.id}/learners`);
      counts.push(statements.length);
    }
    expect(counts[0]).toBeLessThanOrEqual(BUDGETS.learnerList);
    expect(counts[1]).toBe(counts[0]);
  });
});
