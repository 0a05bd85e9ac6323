import { Clock } from '../../../src/common/clock';
import { ProgressService } from '../../../src/progress/progress.service';
import type { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import type { Enrolment } from '../../../src/enrolments/enrolment.entity';
import type { User } from '../../../src/users/user.entity';
import { BuiltCourse, assignFacilitator, createCohort, createCourse, enrol, standardQuestions } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { countQueries } from '../../utils/query-counter';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { postPairs, takeQuiz } from '../learning/quiz-helpers';

interface Figures {
  percent: number;
  modulesDone: number;
  completed: boolean;
}

interface Learner {
  name: string;
  user: User;
  agent: Agent;
  enrolment: Enrolment;
}

/** One progress read model: the learner's own pages, the staff learner list and summariesForEnrolments show the same figures. */
describe('progress agreement between the learner and the staff', () => {
  let testApp: TestApp;
  let built: BuiltCourse;
  let cohort: Cohort;
  let staff: Agent;
  const learners = new Map<string, Learner>();

  const slug = () => built.course.slug;
  const modulePath = (key: string) => `/courses/${slug()}/modules/${key}`;
  const moduleOf = (key: string) => built.modules.find((module) => module.key === key)!;

  async function markDone(learner: Learner, key: string) {
    const response = await postPairs(learner.agent, modulePath(key), `${modulePath(key)}/complete`, []);
    expect(response.status).toBe(303);
  }

  async function quiz(learner: Learner, key: string, choice: 'right' | 'wrong') {
    const { response } = await takeQuiz(
      testApp.app,
      learner.agent,
      `${modulePath(key)}/quiz`,
      learner.user.id,
      moduleOf(key).id,
      built.questions[key],
      choice,
    );
    expect(response.status).toBe(303);
  }

  async function test(learner: Learner, kind: 'pre' | 'post', choice: 'right' | 'wrong') {
    const path = `/courses/${slug()}/${kind}-test`;
    const { response } = await takeQuiz(
      testApp.app,
      learner.agent,
      path,
      learner.user.id,
      built.assessment!.id,
      built.questions.assessment,
      choice,
      kind,
    );
    expect(response.status).toBe(303);
  }

  async function allModules(learner: Learner) {
    for (const key of ['01-conceptos', '02-indicadores', '03-lectura']) {
      await markDone(learner, key);
      if (built.questions[key].length) await quiz(learner, key, 'right');
    }
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    built = await createCourse(testApp.app, {
      modules: [
        { key: '01-conceptos', questions: standardQuestions('m1') },
        { key: '02-indicadores', questions: standardQuestions('m2') },
        { key: '03-lectura' },
      ],
    });
    cohort = await createCohort(testApp.app, built.course, { name: 'Cohorte acuerdo' });
    const facilitator = await createUser(testApp.app, { role: 'facilitator' });
    await assignFacilitator(testApp.app, cohort, facilitator);
    staff = await signedInAgent(testApp.app, facilitator);
    for (const name of ['nada', 'pretest', 'un-modulo', 'quiz-aprobado', 'quiz-reprobado', 'postest-reprobado', 'completo']) {
      const user = await createUser(testApp.app, { name: `Acuerdo ${name}` });
      const enrolment = await enrol(testApp.app, user, built.course, cohort);
      learners.set(name, { name, user, agent: await signedInAgent(testApp.app, user), enrolment });
    }
    const get = (name: string) => learners.get(name)!;
    await test(get('pretest'), 'pre', 'wrong');
    await markDone(get('un-modulo'), '01-conceptos');
    await markDone(get('quiz-aprobado'), '01-conceptos');
    await quiz(get('quiz-aprobado'), '01-conceptos', 'right');
    await markDone(get('quiz-reprobado'), '01-conceptos');
    await quiz(get('quiz-reprobado'), '01-conceptos', 'wrong');
    await test(get('postest-reprobado'), 'pre', 'wrong');
    await allModules(get('postest-reprobado'));
    await test(get('postest-reprobado'), 'post', 'wrong');
    await test(get('completo'), 'pre', 'wrong');
    await allModules(get('completo'));
    await test(get('completo'), 'post', 'right');
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function coursePage(learner: Learner): Promise<Figures> {
    const page = await learner.agent.get(`/courses/${slug()}`);
    expect(page.status).toBe(200);
    const steps = /(\d+) de (\d+) pasos completados \((\d+)\s%\)/.exec(page.text);
    expect(steps).not.toBeNull();
    return {
      percent: Number(steps![3]),
      modulesDone: (page.text.match(/✓ Listo/g) ?? []).length,
      completed: page.text.includes('Completó este curso el'),
    };
  }

  async function myCourses(learner: Learner): Promise<Omit<Figures, 'modulesDone'>> {
    const page = await learner.agent.get('/my/courses');
    expect(page.status).toBe(200);
    const percent = /Avance: (\d+)\s%/.exec(page.text);
    expect(percent).not.toBeNull();
    return { percent: Number(percent![1]), completed: page.text.includes('Completado el') };
  }

  async function staffList(learner: Learner): Promise<Figures> {
    const page = await staff.get(`/cohorts/${cohort.id}/learners?q=${encodeURIComponent(learner.user.name)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('1 participante');
    const percent = /class="learner-percent">(\d+)\s%/.exec(page.text);
    const modules = /(\d+) de (\d+) completados/.exec(page.text);
    expect(percent).not.toBeNull();
    expect(modules).not.toBeNull();
    return { percent: Number(percent![1]), modulesDone: Number(modules![1]), completed: !page.text.includes('todavía no') };
  }

  it('shows every learner the same percent, modules done and completion as the staff list and the read model', async () => {
    const summaries = await testApp.app
      .get(ProgressService)
      .summariesForEnrolments([...learners.values()].map((learner) => learner.enrolment.id));
    expect(summaries.size).toBe(learners.size);
    const seen: Record<string, Figures> = {};
    for (const learner of learners.values()) {
      const own = await coursePage(learner);
      const dashboard = await myCourses(learner);
      const listed = await staffList(learner);
      const summary = summaries.get(learner.enrolment.id)!;
      const model: Figures = { percent: summary.percent, modulesDone: summary.modulesDone, completed: summary.completed };
      expect({ learner: learner.name, ...own }).toEqual({ learner: learner.name, ...model });
      expect({ learner: learner.name, ...dashboard }).toEqual({
        learner: learner.name,
        percent: model.percent,
        completed: model.completed,
      });
      expect({ learner: learner.name, ...listed }).toEqual({ learner: learner.name, ...model });
      expect(summary.modulesTotal).toBe(3);
      seen[learner.name] = model;
    }
    // The mix really is mixed: the figures differ as the progress does.
    expect(seen['nada']).toEqual({ percent: 0, modulesDone: 0, completed: false });
    expect(seen['pretest']).toEqual({ percent: 0, modulesDone: 0, completed: false });
    expect(seen['un-modulo'].modulesDone).toBe(0); // marked, but its quiz is not passed yet: not done under this rule
    expect(seen['un-modulo'].percent).toBeGreaterThan(0);
    expect(seen['quiz-aprobado'].modulesDone).toBe(1);
    expect(seen['quiz-reprobado'].modulesDone).toBe(0);
    expect(seen['quiz-aprobado'].percent).toBeGreaterThan(seen['quiz-reprobado'].percent);
    expect(seen['postest-reprobado']).toMatchObject({ modulesDone: 3, completed: false });
    expect(seen['postest-reprobado'].percent).toBeLessThan(100);
    expect(seen['completo']).toEqual({ percent: 100, modulesDone: 3, completed: true });
  });

  it('summarises scores, gain and quizzes from the same data', async () => {
    const summaries = await testApp.app
      .get(ProgressService)
      .summariesForEnrolments([learners.get('completo')!.enrolment.id, learners.get('nada')!.enrolment.id, 999999]);
    expect(summaries.size).toBe(2);
    const done = summaries.get(learners.get('completo')!.enrolment.id)!;
    expect(done).toMatchObject({
      quizzesTotal: 2,
      quizzesPassed: 2,
      postTestScore: 100,
      cohortId: cohort.id,
      userId: learners.get('completo')!.user.id,
    });
    expect(done.preTestScore).not.toBeNull();
    expect(done.knowledgeGain).toBe(Math.round((100 - done.preTestScore!) * 100) / 100);
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.lastActivityAt).toBeInstanceOf(Date);
    const none = summaries.get(learners.get('nada')!.enrolment.id)!;
    expect(none).toMatchObject({
      modulesDone: 0,
      percent: 0,
      quizzesPassed: 0,
      quizAverage: null,
      preTestScore: null,
      postTestScore: null,
      knowledgeGain: null,
      completed: false,
      completedAt: null,
    });
  });

  it('reads many enrolments in the same number of queries as one (no query per learner)', async () => {
    const progress = testApp.app.get(ProgressService);
    // With the clock standing still, the published-content cache's version check (at most once a second) cannot fall in either count.
    const frozen = new Date();
    const clock = jest.spyOn(testApp.app.get(Clock), 'now').mockImplementation(() => new Date(frozen));
    await progress.summariesForEnrolments([learners.get('completo')!.enrolment.id]);
    const counter = countQueries(testApp.app);
    await progress.summariesForEnrolments([learners.get('completo')!.enrolment.id]);
    const forOne = counter.statements.length;
    counter.reset();
    const all = await progress.summariesForEnrolments([...learners.values()].map((learner) => learner.enrolment.id));
    expect(all.size).toBe(learners.size);
    expect(counter.statements.length).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(8);
    clock.mockRestore();
  });
});
