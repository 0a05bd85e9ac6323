import { ProgressService } from '../../../src/progress/progress.service';
import type { User } from '../../../src/users/user.entity';
import { enrolledCourse } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { takeQuiz } from '../learning/quiz-helpers';

/** What a result page shows only when answers are revealed (see the markers in course-factories). */
const REVEALED = /FEEDBACK-|EXPLANATION-|Respuesta correcta/;
const LATER =
  'Las respuestas correctas y las explicaciones de la prueba final se muestran cuando la apruebe o cuando ya no le queden intentos.';

/**
 * The post-test measures learning: knowledge gain comes from the pre-test and
 * the FIRST post-test attempt, and the post-test's answers stay hidden until
 * the learner passes it or uses the last attempt (content/README.md).
 */
describe('post-test rules', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** A learner in a course whose post-test is open at once (no module required), 3 attempts, pass mark 80, four questions. */
  async function learnerWithOpenPostTest() {
    const learner: User = await createUser(testApp.app);
    const agent: Agent = await signedInAgent(testApp.app, learner);
    const built = await enrolledCourse(testApp.app, learner, { completionRule: { modules: false, quizzes: false, postTest: true } });
    const base = `/courses/${built.course.slug}`;
    const specs = built.questions.assessment;
    const take = (kind: 'pre' | 'post', choose: Parameters<typeof takeQuiz>[6]) =>
      takeQuiz(testApp.app, agent, `${base}/${kind}-test`, learner.id, built.assessment!.id, specs, choose, kind);
    return { learner, agent, built, take };
  }

  it('computes knowledge gain from the first post-test attempt, not the best one', async () => {
    const { agent, built, take } = await learnerWithOpenPostTest();
    await take('pre', { 'pt-q1': 'right', 'pt-q2': 'wrong', 'pt-q3': 'wrong', 'pt-q4': 'wrong' }); // 25 %
    await take('post', { 'pt-q1': 'right', 'pt-q2': 'right', 'pt-q3': 'wrong', 'pt-q4': 'wrong' }); // 50 %, not passed
    const { response } = await take('post', 'right'); // 100 %, passed
    const result = await agent.get(response.headers.location);
    expect(result.text).toContain('Antes: 25\u00a0% · Después: 100\u00a0%');
    expect(result.text).toContain('Mejoró 25 puntos desde la prueba inicial');

    const summary = await testApp.app.get(ProgressService).summaryForEnrolment(built.enrolment.id);
    expect(summary).toMatchObject({ preTestScore: 25, postTestScore: 100, postTestFirstScore: 50, knowledgeGain: 25 });
  });

  it('hides the post-test answers after a failed attempt, and shows them once the learner passes', async () => {
    const { agent, take } = await learnerWithOpenPostTest();
    const first = await take('post', { 'pt-q1': 'right', 'pt-q2': 'wrong', 'pt-q3': 'wrong', 'pt-q4': 'wrong' });
    const failed = await agent.get(first.response.headers.location);
    expect(failed.status).toBe(200);
    expect(failed.text).toContain('No aprobado');
    expect(failed.text).not.toMatch(REVEALED);
    expect(failed.text).toContain(LATER);

    const second = await take('post', 'right');
    const passed = await agent.get(second.response.headers.location);
    expect(passed.text).toMatch(/EXPLANATION-pt-q1/);
    expect(passed.text).toContain('Respuesta correcta');
    // The earlier, failed attempt may now be reviewed with its answers too.
    expect((await agent.get(first.response.headers.location)).text).toMatch(/EXPLANATION-pt-q1/);
  });

  it('shows the post-test answers after the last attempt even without a pass', async () => {
    const { agent, take } = await learnerWithOpenPostTest();
    const wrong = { 'pt-q1': 'wrong', 'pt-q2': 'wrong', 'pt-q3': 'wrong', 'pt-q4': 'wrong' } as const;
    for (const attempt of [1, 2]) {
      const { response } = await take('post', wrong);
      const page = await agent.get(response.headers.location);
      expect({ attempt, revealed: REVEALED.test(page.text) }).toEqual({ attempt, revealed: false });
    }
    const last = await take('post', wrong);
    const page = await agent.get(last.response.headers.location);
    expect(page.text).toContain('Respuesta correcta');
    expect(page.text).toMatch(/FEEDBACK-pt-q1-a/);
    expect(page.text).not.toContain(LATER);
  });
});
