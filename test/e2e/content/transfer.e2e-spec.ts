import JSZip from 'jszip';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Course } from '../../../src/content/entities/course.entity';
import { readCourseZip, writeCourseZip } from '../../../src/content/import/course-zip';
import { loadFolder } from '../../../src/content/parsing';
import type { User } from '../../../src/users/user.entity';
import { assignEditor, contentRowCounts, FIXTURE_CONTENT, FIXTURE_SLUG, importFixtureCourse, versionsOf } from '../../utils/content-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfToken, TestApp } from '../../utils/test-app';

const COURSE = `/authoring/courses/${FIXTURE_SLUG}`;

async function fixtureZip(slug = FIXTURE_SLUG, change?: (files: Map<string, string | Buffer>) => void): Promise<Buffer> {
  const files = await loadFolder(join(FIXTURE_CONTENT, FIXTURE_SLUG));
  change?.(files);
  return writeCourseZip(slug, files);
}

/** Posts a multipart upload the way the browser form does: the CSRF token first in the body, then the fields and the file. */
async function upload(agent: Agent, pagePath: string, actionPath: string, file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const token = await csrfToken(agent, pagePath);
  const request = agent.post(actionPath).field('_csrf', token);
  for (const [name, value] of Object.entries(fields)) void request.field(name, value);
  return request.attach('file', file, fileName);
}

async function flashAfter(agent: Agent, response: { status: number; headers: Record<string, string> }): Promise<string> {
  expect(response.status).toBe(303);
  return (await agent.get(response.headers.location)).text;
}

describe('course upload and download', () => {
  let testApp: TestApp;
  let admin: Agent;
  let facilitator: User;
  let editor: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'admin' }));
    facilitator = await createUser(testApp.app, { role: 'facilitator' });
    editor = await signedInAgent(testApp.app, facilitator);
  });
  afterAll(async () => { await testApp.close(); });

  it('creates a new course from a zip uploaded by an admin', async () => {
    const response = await upload(admin, '/authoring', '/authoring/upload', await fixtureZip('curso-subido'), 'curso-subido.zip');
    expect(response.headers.location).toBe('/authoring/courses/curso-subido');
    expect(await flashAfter(admin, response)).toContain('Curso creado: 9 archivos importados.');
    const course = await testApp.app.get(DataSource).getRepository(Course).findOneByOrFail({ slug: 'curso-subido' });
    expect((await versionsOf(testApp.app, course.id, '01-bienvenida', 'es'))[0].lessonHtml).toContain('/courses/curso-subido/media/mapa.png');
  });

  it('takes the slug from the form when the zip holds the files without a folder', async () => {
    const zip = new JSZip();
    for (const [path, content] of await loadFolder(join(FIXTURE_CONTENT, FIXTURE_SLUG))) zip.file(path, content);
    const response = await upload(admin, '/authoring', '/authoring/upload', await zip.generateAsync({ type: 'nodebuffer' }), 'curso.zip', { slug: 'curso-sin-carpeta' });
    expect(response.headers.location).toBe('/authoring/courses/curso-sin-carpeta');
  });

  it('does not let a facilitator create a course, or change one not assigned to them', async () => {
    const counts = await contentRowCounts(testApp.app);
    const create = await upload(editor, '/authoring', '/authoring/upload', await fixtureZip('curso-ajeno'), 'curso-ajeno.zip');
    expect(await flashAfter(editor, create)).toContain('El curso &quot;curso-ajeno&quot; no existe y usted no puede crear cursos nuevos.');
    const change = await upload(editor, '/authoring', '/authoring/upload', await fixtureZip('curso-subido'), 'curso-subido.zip');
    expect(await flashAfter(editor, change)).toContain('El curso &quot;curso-subido&quot; ya existe y usted no puede editarlo.');
    expect(await contentRowCounts(testApp.app)).toEqual(counts);
  });

  it('refuses a zip whose paths leave the course folder, and imports nothing', async () => {
    const zip = new JSZip();
    for (const [path, content] of await loadFolder(join(FIXTURE_CONTENT, FIXTURE_SLUG))) zip.file(`curso-malo/${path}`, content);
    zip.file('curso-malo/../../evil.md', 'evil', { createFolders: false });
    const counts = await contentRowCounts(testApp.app);
    const response = await upload(admin, '/authoring', '/authoring/upload', await zip.generateAsync({ type: 'nodebuffer' }), 'curso-malo.zip');
    const page = await flashAfter(admin, response);
    expect(page).toContain('El .zip contiene una ruta no permitida: &quot;curso-malo/../../evil.md&quot;');
    expect(await contentRowCounts(testApp.app)).toEqual(counts);
  });

  it('refuses a file over the size limit with a message that gives the limit', async () => {
    const response = await upload(admin, '/authoring', '/authoring/upload', Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'enorme.zip');
    expect(response.headers.location).toBe('/authoring');
    expect(await flashAfter(admin, response)).toContain('El archivo es demasiado grande: el máximo es 10 MB.');
  });

  it('lists every problem of an invalid course zip and keeps the live course as it was', async () => {
    const courseId = await importFixtureCourse(testApp.app);
    await assignEditor(testApp.app, courseId, facilitator.id);
    const counts = await contentRowCounts(testApp.app);
    const broken = await fixtureZip(FIXTURE_SLUG, (files) => files.set('02-cierre.en.md', String(files.get('02-cierre.en.md')).replace('- [x] Lessons', '- [ ] Lessons')));
    const response = await upload(editor, COURSE, `${COURSE}/upload`, broken, 'curso.zip');
    expect(response.status).toBe(422);
    expect(response.text).toContain('No se importó nada: la versión anterior del curso sigue publicada.');
    expect(response.text).toContain('curso-prueba/02-cierre.en.md, línea');
    expect(await contentRowCounts(testApp.app)).toEqual(counts);
  });

  it('replaces one module from an uploaded .md file, and adds a media file', async () => {
    const { id: courseId } = await testApp.app.get(DataSource).getRepository(Course).findOneByOrFail({ slug: FIXTURE_SLUG });
    const [live] = await versionsOf(testApp.app, courseId, '02-cierre', 'es');
    const response = await upload(editor, COURSE, `${COURSE}/upload`, Buffer.from(live.sourceText.replace('Gracias', 'Muchas gracias')), '02-cierre.es.md');
    expect(await flashAfter(editor, response)).toContain('Curso actualizado: 1 cambio.');
    expect((await versionsOf(testApp.app, courseId, '02-cierre', 'es'))[0]).toMatchObject({ version: 2, createdById: facilitator.id });

    const media = await upload(editor, COURSE, `${COURSE}/upload`, Buffer.from('%PDF-1.4 anexo'), 'anexo.pdf');
    expect(await flashAfter(editor, media)).toContain('Curso actualizado: 1 cambio.');
    expect((await editor.get(COURSE)).text).toContain('media/anexo.pdf');

    const wrong = await upload(editor, COURSE, `${COURSE}/upload`, Buffer.from('x'), 'notas.txt');
    expect(await flashAfter(editor, wrong)).toContain('&quot;notas.txt&quot; no es un archivo de curso');
  });

  it('downloads the course as a zip that imports back without any change', async () => {
    const download = await editor.get(`${COURSE}/download`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toContain('attachment; filename="curso-prueba.zip"');
    const zip = download.body as Buffer;
    const { files, folderName } = await readCourseZip(zip);
    expect(folderName).toBe(FIXTURE_SLUG);
    expect([...files.keys()].sort()).toEqual([
      '01-bienvenida.en.md', '01-bienvenida.es.md', '02-cierre.en.md', '02-cierre.es.md', 'assessment.en.md', 'assessment.es.md',
      'course.md', 'media/anexo.pdf', 'media/guia.pdf', 'media/mapa.png',
    ]);

    const counts = await contentRowCounts(testApp.app);
    const again = await upload(editor, COURSE, `${COURSE}/upload`, zip, 'curso-prueba.zip');
    expect(await flashAfter(editor, again)).toContain('No había nada que cambiar');
    expect(await contentRowCounts(testApp.app)).toEqual(counts);

    const outsider = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'facilitator' }));
    expect((await outsider.get(`${COURSE}/download`)).status).toBe(404);
  });
});
