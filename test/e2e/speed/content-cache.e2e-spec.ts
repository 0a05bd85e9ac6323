import { Clock } from '../../../src/common/clock';
import { ContentImportService } from '../../../src/content/import/content-import.service';
import { CONTENT_CHECK_MS } from '../../../src/content/published-content.service';
import { createCohort, enrol } from '../../utils/cohort-factories';
import { ContentCopy, copyFixtureContent, courseBySlug, FIXTURE_SLUG } from '../../utils/content-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { countQueries } from '../../utils/query-counter';
import { createTestApp, TestApp, TestInstance } from '../../utils/test-app';

/**
 * Published content is served from memory. Every import or save raises the
 * content version in its transaction; an instance re-reads that one row at
 * most once a second, so an edit made on another instance shows within a
 * second, and one made on this instance shows at once.
 */
describe('published-content cache', () => {
  let testApp: TestApp;
  let other: TestInstance;
  let content: ContentCopy;
  let now: number;
  const MODULE = `/courses/${FIXTURE_SLUG}/modules/01-bienvenida`;

  beforeAll(async () => {
    testApp = await createTestApp();
    other = await testApp.anotherInstance();
    content = copyFixtureContent();
    now = Date.now();
    // Only the first instance's clock is frozen; it is moved by hand.
    jest.spyOn(testApp.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterAll(async () => {
    content.dispose();
    await testApp.close();
  });

  const retitle = (title: string) =>
    content.write('01-bienvenida.es.md', content.read('01-bienvenida.es.md').replace(/^title: .*$/m, `title: ${title}`));

  async function learner() {
    const course = await courseBySlug(testApp.app);
    const user = await createUser(testApp.app);
    await enrol(testApp.app, user, await createCohort(testApp.app, course));
    return signedInAgent(testApp.app, user);
  }

  it('shows an edit made on another instance within a second, and reads no content tables meanwhile', async () => {
    const { loadFolder } = await import('../../../src/content/parsing');
    const load = () => loadFolder(content.courseDir());
    retitle('Bienvenida primera');
    await testApp.app.get(ContentImportService).importCourse(FIXTURE_SLUG, await load(), { actorId: null, source: 'upload' });
    const agent = await learner();
    expect((await agent.get(MODULE)).text).toContain('Bienvenida primera');

    retitle('Bienvenida cambiada en otra instancia');
    await other.app.get(ContentImportService).importCourse(FIXTURE_SLUG, await load(), { actorId: null, source: 'upload' });
    const queries = countQueries(testApp.app);
    // Within the second: the cached page, and not one query on a content table.
    now += CONTENT_CHECK_MS - 100;
    const cached = await agent.get(MODULE);
    expect(cached.text).toContain('Bienvenida primera');
    expect(queries.statements.filter((sql) => /content_version|"course"|course_module|module_version/.test(sql))).toEqual([]);

    now += 200;
    const fresh = await agent.get(MODULE);
    expect(fresh.text).toContain('Bienvenida cambiada en otra instancia');
    expect(fresh.text).not.toContain('Bienvenida primera');
    expect(queries.statements.filter((sql) => /content_version/.test(sql))).toHaveLength(1);
  });

  it('never serves a stale version after a save on the same instance, even with the clock standing still', async () => {
    const { loadFolder } = await import('../../../src/content/parsing');
    const agent = await learner();
    await agent.get(MODULE);
    for (const title of ['Bienvenida uno', 'Bienvenida dos', 'Bienvenida tres']) {
      retitle(title);
      const result = await testApp.app
        .get(ContentImportService)
        .importCourse(FIXTURE_SLUG, await loadFolder(content.courseDir()), { actorId: null, source: 'upload' });
      expect(result.status).toBe('updated');
      const page = await agent.get(MODULE);
      expect(page.status).toBe(200);
      expect(page.text).toContain(title);
    }
  });

  it('an unchanged import leaves the content version alone, so no instance reloads', async () => {
    const { loadFolder } = await import('../../../src/content/parsing');
    const agent = await learner();
    await agent.get(MODULE);
    const result = await other.app
      .get(ContentImportService)
      .importCourse(FIXTURE_SLUG, await loadFolder(content.courseDir()), { actorId: null, source: 'upload' });
    expect(result.status).toBe('unchanged');
    now += CONTENT_CHECK_MS + 1;
    const queries = countQueries(testApp.app);
    await agent.get(MODULE);
    // One look at the version row; the same version, so no course, module or version is read again.
    expect(queries.statements.filter((sql) => /content_version/.test(sql))).toHaveLength(1);
    expect(queries.statements.filter((sql) => /course_module|module_version|FROM "course"/.test(sql))).toEqual([]);
  });
});
