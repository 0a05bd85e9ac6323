import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../../src/config/project-root';
import { ContentChange } from '../../../src/content/authoring/entities/content-change.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { CourseMedia } from '../../../src/content/entities/course-media.entity';
import { ModuleVersion } from '../../../src/content/entities/module-version.entity';
import { ContentImportService } from '../../../src/content/import/content-import.service';
import { QuizAttempt } from '../../../src/quizzes/entities/quiz-attempt.entity';
import {
  ContentCopy, contentRowCounts, copyFixtureContent, courseBySlug, expectImported, FIXTURE_SLUG, moduleOf, versionsOf,
} from '../../utils/content-factories';
import { createUser } from '../../utils/factories';
import { createTestApp, TestApp } from '../../utils/test-app';

const REAL_COURSES = ['asistencia-psicosocial', 'ninez-migrante', 'trafico-ilicito-de-migrantes', 'trata-de-personas'];

describe('content import', () => {
  let testApp: TestApp;
  let importer: ContentImportService;
  let content: ContentCopy;

  beforeAll(async () => {
    testApp = await createTestApp();
    importer = testApp.app.get(ContentImportService);
  });
  afterAll(async () => { await testApp.close(); });
  beforeEach(() => { content = copyFixtureContent(); });
  afterEach(() => content.dispose());

  async function importCopy() {
    const [result] = await importer.importFolder(content.courseDir());
    return result;
  }

  it('imports the four real courses, and importing again writes nothing', async () => {
    const first = await importer.importFolder(join(PROJECT_ROOT, 'content'));
    expect(first.map((result) => [result.slug, result.status])).toEqual(REAL_COURSES.map((slug) => [slug, 'created']));
    const counts = await contentRowCounts(testApp.app);
    const before = await testApp.app.get(DataSource).getRepository(Course).find({ order: { id: 'ASC' } });

    const again = await importer.importFolder(join(PROJECT_ROOT, 'content'));
    expect(again.map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    // Even compared file by file (not only by folder hash), nothing differs and nothing is written.
    const forced = await importer.importFolder(join(PROJECT_ROOT, 'content'), { force: true });
    expect(forced.map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await contentRowCounts(testApp.app)).toEqual(counts);
    const after = await testApp.app.get(DataSource).getRepository(Course).find({ order: { id: 'ASC' } });
    expect(after.map((course) => course.updatedAt.getTime())).toEqual(before.map((course) => course.updatedAt.getTime()));
  });

  it('maps course.md, modules, the assessment and media onto the stored course', async () => {
    const result = expectImported(await importCopy());
    expect(result.status).toBe('created');
    const course = await courseBySlug(testApp.app);
    expect(course).toMatchObject({
      title: { es: 'Curso de prueba: importación', en: 'Test course: import' }, topic: 'other', hours: 1, languages: ['es', 'en'],
      passMark: 80, certificateType: 'completion', hasPreTest: true, hasPostTest: true, published: true,
      completionRule: { modules: true, quizzes: true, postTest: true },
      quizDefaults: { maxAttempts: 3, grading: 'highest', shuffle: false, timeLimitMinutes: 0, showAnswers: true, passMark: 80 },
    });
    expect(course.sourceText).toBe(content.read('course.md'));
    // Minutes come from the text (a dozen words and one question), not from the file's leftover "minutes: 15".
    expect(await moduleOf(testApp.app, course.id, '02-cierre')).toMatchObject({ kind: 'lesson', position: 2, minutes: 2, active: true });
    expect(await moduleOf(testApp.app, course.id, 'assessment')).toMatchObject({ kind: 'assessment', active: true });
    const [welcome] = await versionsOf(testApp.app, course.id, '01-bienvenida', 'es');
    expect(welcome).toMatchObject({ version: 1, current: true, title: 'Bienvenida', createdById: null, sourceText: content.read('01-bienvenida.es.md') });
    expect(welcome.lessonHtml).toContain('<img src="/courses/curso-prueba/media/mapa.png" alt="Mapa de la ruta"');
    expect(welcome.questions.map((question) => question.id)).toEqual(['b1', 'b2']);
    expect(welcome.questions[0].options[0]).toEqual({ id: 'a', textHtml: 'Dos', correct: true, feedbackHtml: 'Correcto.' });
    const [bank] = await versionsOf(testApp.app, course.id, 'assessment', 'en');
    expect(bank.questions).toHaveLength(10);
    const media = await testApp.app.get(DataSource).getRepository(CourseMedia).find({ where: { courseId: course.id }, order: { path: 'ASC' } });
    expect(media.map((file) => [file.path, file.contentType])).toEqual([['media/guia.pdf', 'application/pdf'], ['media/mapa.png', 'image/png']]);
    const changes = await testApp.app.get(DataSource).getRepository(ContentChange).find({ where: { courseId: course.id } });
    expect(changes).toHaveLength(9);
    expect(changes.every((change) => change.userId === null && change.action === 'created')).toBe(true);
  });

  it('turns a changed module into a new version and keeps the old one for the attempts that answered it', async () => {
    const { courseId } = expectImported(await importCopy());
    const [original] = await versionsOf(testApp.app, courseId, '01-bienvenida', 'es');
    const learner = await createUser(testApp.app);
    const attempts = testApp.app.get(DataSource).getRepository(QuizAttempt);
    const attempt = await attempts.save(attempts.create({
      userId: learner.id, courseId, moduleId: original.moduleId, moduleVersionId: original.id, kind: 'module', attemptNumber: 1,
      status: 'submitted', language: 'es', layout: { questions: [] } as unknown as QuizAttempt['layout'], answers: null,
      startedAt: new Date(), questionCount: 2, passMark: 80,
    }));

    content.write('01-bienvenida.es.md', content.read('01-bienvenida.es.md').replace('¿Cuántos módulos tiene este curso?', '¿Cuántos módulos tiene el curso de prueba?'));
    const result = expectImported(await importCopy());
    expect(result.status).toBe('updated');
    expect(result.changes).toEqual([{ file: '01-bienvenida.es.md', action: 'updated', version: 2 }]);

    const versions = await versionsOf(testApp.app, courseId, '01-bienvenida', 'es');
    expect(versions.map((version) => [version.version, Boolean(version.current)])).toEqual([[2, true], [1, false]]);
    expect(versions[0].questions[0].promptHtml).toContain('el curso de prueba');
    expect(await versionsOf(testApp.app, courseId, '01-bienvenida', 'en')).toHaveLength(1);

    const answered = await testApp.app.get(DataSource).getRepository(ModuleVersion).findOneByOrFail({ id: (await attempts.findOneByOrFail({ id: attempt.id })).moduleVersionId });
    expect(answered.questions[0].promptHtml).toContain('¿Cuántos módulos tiene este curso?');
    const change = await testApp.app.get(DataSource).getRepository(ContentChange).findOneByOrFail({ courseId, file: '01-bienvenida.es.md', action: 'updated' });
    expect(change).toMatchObject({ version: 2, userId: null });
  });

  it('refuses an invalid course whole: the previous version stays live and nothing is half-imported', async () => {
    const { courseId } = expectImported(await importCopy());
    const counts = await contentRowCounts(testApp.app);
    content.write('02-cierre.es.md', content.read('02-cierre.es.md').replace('Gracias por completar el curso.', 'Un cambio válido.'));
    content.write('01-bienvenida.en.md', content.read('01-bienvenida.en.md').replace('- [x] Two', '- [ ] Two'));

    const result = await importCopy();
    expect(result.status).toBe('invalid');
    const problems = 'problems' in result ? result.problems.filter((problem) => problem.severity === 'error') : [];
    expect(problems.map((problem) => [problem.file, problem.code])).toEqual(expect.arrayContaining([[`${FIXTURE_SLUG}/01-bienvenida.en.md`, 'question.no-correct-option']]));
    expect(problems.every((problem) => problem.line > 1)).toBe(true);

    expect(await contentRowCounts(testApp.app)).toEqual(counts);
    const [closing] = await versionsOf(testApp.app, courseId, '02-cierre', 'es');
    expect(closing).toMatchObject({ version: 1, current: true });
    expect(closing.lessonHtml).toContain('Gracias por completar el curso.');
  });

  it('marks a module removed from the folder inactive, and brings it back unchanged when it returns', async () => {
    const extra = (language: string) => `---\ntitle: Extra ${language}\nminutes: 5\norder: 3\n---\n\n## Extra\n\nTexto.\n\n::: quiz\n\n### x1 (truefalse)\nExtra.\n\n- [x] Sí\n- [ ] No\n\n:::\n`;
    content.write('03-extra.es.md', extra('es'));
    content.write('03-extra.en.md', extra('en'));
    const { courseId } = expectImported(await importCopy());

    content.remove('03-extra.es.md');
    content.remove('03-extra.en.md');
    const removed = expectImported(await importCopy());
    expect(removed.changes.map((change) => `${change.file}:${change.action}`)).toEqual(['03-extra.es.md:deactivated', '03-extra.en.md:deactivated']);
    expect(await moduleOf(testApp.app, courseId, '03-extra')).toMatchObject({ active: false });
    expect(await versionsOf(testApp.app, courseId, '03-extra', 'es')).toHaveLength(1);

    content.write('03-extra.es.md', extra('es'));
    content.write('03-extra.en.md', extra('en'));
    const back = expectImported(await importCopy());
    expect(back.changes.map((change) => change.action)).toEqual(['reactivated', 'reactivated']);
    expect(await moduleOf(testApp.app, courseId, '03-extra')).toMatchObject({ active: true });
    expect(await versionsOf(testApp.app, courseId, '03-extra', 'es')).toHaveLength(1);
  });

  it('replaces a changed media file in place and removes one that left the folder', async () => {
    content.write('02-cierre.es.md', content.read('02-cierre.es.md').replace('Descargue la [guía](media/guia.pdf).', ''));
    content.write('02-cierre.en.md', content.read('02-cierre.en.md').replace('Download the [guide](media/guia.pdf).', ''));
    const { courseId } = expectImported(await importCopy());
    content.remove('media/guia.pdf');
    const png = Buffer.from(content.read('media/mapa.png', FIXTURE_SLUG), 'utf8');
    content.write('media/mapa.png', Buffer.concat([png, Buffer.from([0])]));
    const result = expectImported(await importCopy());
    expect(result.changes.map((change) => `${change.file}:${change.action}`)).toEqual(['media/mapa.png:updated', 'media/guia.pdf:deleted']);
    const media = await testApp.app.get(DataSource).getRepository(CourseMedia).find({ where: { courseId } });
    expect(media.map((file) => file.path)).toEqual(['media/mapa.png']);
  });
});

describe('content import at start', () => {
  it('imports the content folder, skips a broken course with its problems logged, and keeps browser edits across restarts', async () => {
    const content = copyFixtureContent();
    mkdirSync(join(content.root, 'curso-roto'));
    writeFileSync(join(content.root, 'curso-roto', 'course.md'), '---\ntitle: [roto\n---\n');
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const testApp = await createTestApp({ importContentOnStart: true, contentDir: content.root });
    try {
      const logged = warnings.mock.calls.map(([message]) => String(message));
      expect(logged).toContain('curso-roto: not imported, 2 error(s); the previous version stays live');
      expect(logged).toContain('  curso-roto/course.md:1: error: The course has no modules: add files named like 01-introduccion.es.md [course.no-modules]');
      warnings.mockRestore();

      const courses = await testApp.app.get(DataSource).getRepository(Course).find();
      expect(courses.map((course) => course.slug)).toEqual([FIXTURE_SLUG]);
      const courseId = courses[0].id;

      // An edit made in the browser (same path as the editor: the live folder with one file replaced).
      const files = new Map(await (await import('../../../src/content/parsing')).loadFolder(content.courseDir()));
      files.set('02-cierre.en.md', String(files.get('02-cierre.en.md')).replace('Thank you', 'Many thanks'));
      expectImported(await testApp.app.get(ContentImportService).importCourse(FIXTURE_SLUG, files, { actorId: null, source: 'editor' }));
      const counts = await contentRowCounts(testApp.app);

      await testApp.anotherInstance();
      expect(await contentRowCounts(testApp.app)).toEqual(counts);
      const [closing] = await versionsOf(testApp.app, courseId, '02-cierre', 'en');
      expect(closing).toMatchObject({ version: 2, current: true });
      expect(closing.sourceText).toContain('Many thanks');
    } finally {
      warnings.mockRestore();
      await testApp.close();
      content.dispose();
    }
  });
});
