import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../../src/config/project-root';
import { CourseModule } from '../../../src/content/entities/course-module.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { ModuleVersion } from '../../../src/content/entities/module-version.entity';
import { importFixtureCourse } from '../../utils/content-factories';
import { createCohort, enrol } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { createTestApp, TestApp } from '../../utils/test-app';

const SLUG = 'curso-de-prueba';
const DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'content', 'ok', SLUG);

/**
 * Learning objectives, computed minutes and printable tools, from a course
 * folder (test/fixtures/content/ok) imported as the web does it.
 */
describe('objectives, computed minutes and printable tools', () => {
  let testApp: TestApp;
  let data: DataSource;
  let course: Course;
  beforeAll(async () => {
    testApp = await createTestApp();
    data = testApp.app.get(DataSource);
    const courseId = await importFixtureCourse(testApp.app, DIR, SLUG);
    course = await data.getRepository(Course).findOneByOrFail({ id: courseId });
  });
  afterAll(async () => { await testApp.close(); });

  it('stores objectives, question tags, computed minutes and the tool as a versioned module of kind "tool"', async () => {
    const modules = await data.getRepository(CourseModule).find({ where: { courseId: course.id }, order: { id: 'ASC' } });
    expect(modules.map((module) => [module.key, module.kind])).toEqual([
      ['01-conceptos', 'lesson'], ['02-referencia', 'lesson'], ['tools/indicadores', 'tool'], ['assessment', 'assessment'],
    ]);
    const first = await data.getRepository(ModuleVersion).findOneByOrFail({ moduleId: modules[0].id, language: 'es', current: true });
    expect(first.objectives).toEqual([
      { id: 'o1', text: 'Nombrar los tres elementos de la trata' },
      { id: 'o2', text: 'Explicar por qué el engaño anula el consentimiento' },
    ]);
    expect(first.questions.map((question) => question.objective)).toEqual(['o1', 'o2']);
    // About 60 words at 180 a minute plus one minute for each of the two questions.
    expect(modules[0].minutes).toBe(3);
    // The assessment row holds the time of the pre-test and the post-test: ten questions each.
    expect(modules[3].minutes).toBe(20);
  });

  it('shows the objectives at the top of the module page and links the tool, which prints on its own page', async () => {
    const learner = await createUser(testApp.app);
    await enrol(testApp.app, learner, course, await createCohort(testApp.app, course));
    const agent = await signedInAgent(testApp.app, learner);
    const page = await agent.get(`/courses/${SLUG}/modules/01-conceptos`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<h2 id="objectives-heading">Objetivos de aprendizaje<\/h2>\s*<ul><li>Nombrar los tres elementos de la trata<\/li><li>Explicar por qué/);
    expect(page.text.indexOf('objectives-heading')).toBeLessThan(page.text.indexOf('<h2>Introducción</h2>'));
    expect(page.text).toContain(`<a href="/courses/${SLUG}/tools/indicadores">lista de indicadores</a>`);

    const tool = await agent.get(`/courses/${SLUG}/tools/indicadores`);
    expect(tool.status).toBe(200);
    expect(tool.text).toContain('<h1>Lista de indicadores de trata</h1>');
    expect(tool.text).toContain('Imprimir');
    expect(tool.text).toContain('<table>');
    expect(tool.text).not.toMatch(/<script/i);
    expect(tool.text).toContain(`<a href="/courses/${SLUG}/modules/02-referencia">módulo 2</a>`);

    expect((await agent.get(`/courses/${SLUG}/tools/no-existe`)).status).toBe(404);
  });

  it('applies the module access rule to tools: whoever cannot read a module cannot read a tool', async () => {
    const outsider = await signedInAgent(testApp.app, await createUser(testApp.app));
    const module = await outsider.get(`/courses/${SLUG}/modules/01-conceptos`);
    const tool = await outsider.get(`/courses/${SLUG}/tools/indicadores`);
    expect(module.status).not.toBe(200);
    expect(tool.status).toBe(module.status);
    const anonymousTool = await request(testApp.server).get(`/courses/${SLUG}/tools/indicadores`);
    const anonymousModule = await request(testApp.server).get(`/courses/${SLUG}/modules/01-conceptos`);
    expect(anonymousTool.status).toBe(anonymousModule.status);
    expect(anonymousTool.headers.location).toBe(`/auth/login?next=${encodeURIComponent(`/courses/${SLUG}/tools/indicadores`)}`);
  });

  it('shows the computed minutes on the course page and in the catalogue', async () => {
    const modules = await data.getRepository(CourseModule).find({ where: { courseId: course.id } });
    const total = modules.filter((module) => module.kind !== 'tool').reduce((sum, module) => sum + module.minutes, 0);
    const coursePage = await request(testApp.server).get(`/courses/${SLUG}`);
    expect(coursePage.text).toContain(`Duración estimada: ${total} minutos en total`);
    const catalogue = await request(testApp.server).get('/courses');
    expect(catalogue.text).toContain(`unos ${total} min de estudio`);
  });
});
