import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../../src/config/project-root';
import { CourseModule } from '../../../src/content/entities/course-module.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { ModuleVersion } from '../../../src/content/entities/module-version.entity';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { createCohort, enrol } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { postPairs, rightPairsFromQuestions, startAttempt } from './quiz-helpers';

/**
 * The courses shipped in content/ (imported at start-up) walked end to end by a
 * learner: every lesson light and script-free, no quiz page containing any
 * feedback or explanation of its questions, and the course completed.
 */
describe('shipped courses, end to end', () => {
  let testApp: TestApp;
  let data: DataSource;
  beforeAll(async () => {
    // The start-up import of the repository's content/ folder, as `npm start` does it.
    testApp = await createTestApp({ importContentOnStart: true, contentDir: join(PROJECT_ROOT, 'content') });
    data = testApp.app.get(DataSource);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const hiddenFragments = (version: ModuleVersion) =>
    version.questions
      .flatMap((question) => [question.explanationHtml, ...question.options.map((option) => option.feedbackHtml)])
      .filter((html): html is string => !!html);

  async function answerQuiz(
    agent: Agent,
    base: string,
    userId: number,
    moduleId: number,
    kind: 'module' | 'pre' | 'post',
    version: ModuleVersion,
  ) {
    const attempt = await startAttempt(testApp.app, agent, base, userId, moduleId, kind);
    const page = await agent.get(base);
    expect(page.status).toBe(200);
    for (const fragment of hiddenFragments(version)) expect(page.text).not.toContain(fragment);
    const graded = await data.getRepository(ModuleVersion).findOneByOrFail({ id: attempt.moduleVersionId });
    const response = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, rightPairsFromQuestions(attempt, graded.questions));
    expect(response.status).toBe(303);
  }

  it('imports the shipped courses', async () => {
    expect(await data.getRepository(Course).count()).toBeGreaterThanOrEqual(4);
  });

  it.each(['trata-de-personas', 'ninez-migrante', 'trafico-ilicito-de-migrantes', 'asistencia-psicosocial'])(
    '%s: every module and quiz, through to completed',
    async (slug) => {
      const course = await data.getRepository(Course).findOneByOrFail({ slug });
      const learner = await createUser(testApp.app);
      await enrol(testApp.app, learner, course, await createCohort(testApp.app, course));
      const agent = await signedInAgent(testApp.app, learner);
      const modules = await data
        .getRepository(CourseModule)
        .find({ where: { courseId: course.id, active: true }, order: { position: 'ASC' } });
      const current = (module: CourseModule) =>
        data.getRepository(ModuleVersion).findOneByOrFail({ moduleId: module.id, language: 'es', current: true });
      const assessment = modules.find((module) => module.kind === 'assessment');

      if (course.hasPreTest && assessment) {
        await answerQuiz(agent, `/courses/${slug}/pre-test`, learner.id, assessment.id, 'pre', await current(assessment));
      }
      for (const module of modules.filter((candidate) => candidate.kind === 'lesson')) {
        const version = await current(module);
        const path = `/courses/${slug}/modules/${module.key}`;
        const page = await agent.get(path);
        expect(page.status).toBe(200);
        expect(Buffer.byteLength(version.lessonHtml)).toBeLessThan(30 * 1024);
        expect(page.text).not.toMatch(/<script|@font-face/i);
        for (const fragment of hiddenFragments(version)) expect(page.text).not.toContain(fragment);
        if (version.questions.length > 0) await answerQuiz(agent, `${path}/quiz`, learner.id, module.id, 'module', version);
        if (course.completionRule.modules) expect((await postPairs(agent, path, `${path}/complete`, [])).status).toBe(303);
      }
      if (course.hasPostTest && assessment) {
        await answerQuiz(agent, `/courses/${slug}/post-test`, learner.id, assessment.id, 'post', await current(assessment));
      }
      const enrolment = await data.getRepository(Enrolment).findOneByOrFail({ userId: learner.id, courseId: course.id });
      expect(enrolment.completedAt).not.toBeNull();
      expect((await agent.get('/my/courses')).text).toContain('Completado el');
    },
  );
});
