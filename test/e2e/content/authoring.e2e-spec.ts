import { DataSource } from 'typeorm';
import { ContentChange } from '../../../src/content/authoring/entities/content-change.entity';
import { Course } from '../../../src/content/entities/course.entity';
import type { User } from '../../../src/users/user.entity';
import { assignEditor, contentRowCounts, FIXTURE_SLUG, importFixtureCourse, moduleOf, versionsOf } from '../../utils/content-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfToken, csrfTokenFrom, submitForm, TestApp } from '../../utils/test-app';

const COURSE = `/authoring/courses/${FIXTURE_SLUG}`;
const WELCOME_ES = `${COURSE}/files/01-bienvenida.es.md`;

/** The textarea's content as the browser would submit it (entities decoded). */
function textareaOf(html: string, name = 'text'): string {
  const match = new RegExp(`<textarea[^>]*name="${name}"[^>]*>\\n([\\s\\S]*?)</textarea>`).exec(html);
  if (!match) throw new Error(`No textarea ${name}`);
  return match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
}

function baseHashOf(html: string): string {
  return /name="baseHash" value="([0-9a-f]*)"/.exec(html)?.[1] ?? '';
}

describe('authoring in the browser', () => {
  let testApp: TestApp;
  let courseId: number;
  let facilitator: User;
  let editor: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    courseId = await importFixtureCourse(testApp.app);
    facilitator = await createUser(testApp.app, { role: 'facilitator', name: 'Marta Editora' });
    await assignEditor(testApp.app, courseId, facilitator.id);
    editor = await signedInAgent(testApp.app, facilitator);
  });
  afterAll(async () => { await testApp.close(); });

  /** Opens a file in the editor and posts it back with the given text and button. */
  async function post(path: string, text: string, intent: 'preview' | 'save', agent = editor) {
    const page = await agent.get(path);
    expect(page.status).toBe(200);
    return agent.post(path).type('form').send({ _csrf: csrfTokenFrom(page.text), text, baseHash: baseHashOf(page.text), intent });
  }

  it('lists only the courses assigned to a facilitator, and keeps learners out', async () => {
    expect((await editor.get('/authoring')).text).toContain('Curso de prueba: importación');
    const other = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'facilitator' }));
    const page = await other.get('/authoring');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Curso de prueba');
    const learner = await signedInAgent(testApp.app, await createUser(testApp.app));
    expect((await learner.get('/authoring')).status).toBe(403);
  });

  it('answers 404 to a facilitator who is not assigned to the course, whatever they try', async () => {
    const other = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'facilitator' }));
    for (const path of [COURSE, WELCOME_ES, `${COURSE}/download`, `${COURSE}/modules/new`]) {
      expect({ path, status: (await other.get(path)).status }).toEqual({ path, status: 404 });
    }
    const token = await csrfToken(other, '/authoring');
    const saved = await other.post(WELCOME_ES).type('form').send({ _csrf: token, text: 'x', baseHash: '', intent: 'save' });
    expect(saved.status).toBe(404);
    expect((await other.get(`${COURSE}/editors`)).status).toBe(403);
  });

  it('shows the course files with their versions and opens a module in a textarea with its Markdown', async () => {
    const page = await editor.get(COURSE);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="${WELCOME_ES}"`);
    expect(page.text).toContain(`${COURSE}/files/assessment.en.md`);
    const opened = await editor.get(WELCOME_ES);
    expect(textareaOf(opened.text)).toBe((await versionsOf(testApp.app, courseId, '01-bienvenida', 'es'))[0].sourceText);
  });

  it('previews an edit, rendered on the server, without saving anything', async () => {
    const counts = await contentRowCounts(testApp.app);
    const original = (await versionsOf(testApp.app, courseId, '01-bienvenida', 'es'))[0].sourceText;
    const preview = await post(WELCOME_ES, original.replace('Este es el **primer módulo**.', 'Texto **nuevo** en vista previa.'), 'preview');
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Texto <strong>nuevo</strong> en vista previa.');
    expect(preview.text).toContain('Sin errores: se puede guardar.');
    expect(textareaOf(preview.text)).toContain('Texto **nuevo** en vista previa.');
    expect(await contentRowCounts(testApp.app)).toEqual(counts);
  });

  it('refuses a save with errors: messages with line numbers, the text kept, the live version untouched', async () => {
    const [live] = await versionsOf(testApp.app, courseId, '01-bienvenida', 'es');
    const broken = live.sourceText.replace('- [x] Dos', '- [ ] Dos');
    const response = await post(WELCOME_ES, broken, 'save');
    expect(response.status).toBe(422);
    const line = broken.split('\n').findIndex((text) => text.startsWith('### b1')) + 1;
    expect(response.text).toContain(`Línea ${line}`);
    expect(response.text).toContain('La pregunta &quot;b1&quot; no tiene opción correcta: marque al menos una con - [x]');
    // Only the real mistake is reported: the missing [x] is not repeated as a mismatch with the English file.
    expect(response.text).toContain('Hay 1 error: no se guardó nada.');
    expect(response.text).not.toContain('marca como correctas las opciones');
    expect(textareaOf(response.text)).toBe(broken);
    expect(await versionsOf(testApp.app, courseId, '01-bienvenida', 'es')).toHaveLength(1);
  });

  it('checks the whole course on save: an edit that no longer matches the other language is refused', async () => {
    const [live] = await versionsOf(testApp.app, courseId, '01-bienvenida', 'es');
    const response = await post(WELCOME_ES, live.sourceText.replace('### b2 (truefalse)', '### b9 (truefalse)'), 'save');
    expect(response.status).toBe(422);
    expect(response.text).toContain('En otros archivos del curso');
    expect(response.text).toContain('01-bienvenida.en.md, línea');
    expect(await versionsOf(testApp.app, courseId, '01-bienvenida', 'es')).toHaveLength(1);
  });

  it('saves a valid edit as a new version, attributed and dated, and lists it in the history', async () => {
    const [live] = await versionsOf(testApp.app, courseId, '02-cierre', 'es');
    // Browsers send textarea text with CRLF line ends; the file keeps LF.
    const edited = live.sourceText.replace('Gracias por completar el curso.', 'Gracias por terminar el curso.').replace(/\n/g, '\r\n');
    const response = await post(`${COURSE}/files/02-cierre.es.md`, edited, 'save');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${COURSE}/files/02-cierre.es.md`);
    const after = await editor.get(response.headers.location);
    expect(after.text).toContain('02-cierre.es.md guardado: versión 2.');

    const versions = await versionsOf(testApp.app, courseId, '02-cierre', 'es');
    expect(versions.map((version) => [version.version, Boolean(version.current), version.createdById])).toEqual([[2, true, facilitator.id], [1, false, null]]);
    expect(versions[0].sourceText).toBe(edited.replace(/\r\n/g, '\n'));
    expect(versions[0].lessonHtml).toContain('Gracias por terminar el curso.');
    const change = await testApp.app.get(DataSource).getRepository(ContentChange).findOneByOrFail({ courseId, file: '02-cierre.es.md', action: 'updated' });
    expect(change).toMatchObject({ userId: facilitator.id, version: 2 });
    expect(change.createdAt).toBeInstanceOf(Date);

    const history = await editor.get(COURSE);
    expect(history.text).toMatch(/<strong>02-cierre\.es\.md<\/strong>: modificado \(v2\)<br>\s*<span class="muted">[^<]+ · Marta Editora<\/span>/);
  });

  it('makes no version when the text is saved unchanged', async () => {
    const [live] = await versionsOf(testApp.app, courseId, '01-bienvenida', 'en');
    const response = await post(`${COURSE}/files/01-bienvenida.en.md`, live.sourceText.replace(/\n/g, '\r\n'), 'save');
    expect(response.status).toBe(303);
    expect((await editor.get(response.headers.location)).text).toContain('no se creó una versión nueva');
    expect(await versionsOf(testApp.app, courseId, '01-bienvenida', 'en')).toHaveLength(1);
  });

  it('refuses to overwrite a file someone else saved after it was opened, keeping the text', async () => {
    const path = `${COURSE}/files/02-cierre.en.md`;
    const page = await editor.get(path);
    const text = textareaOf(page.text);
    expect((await post(path, text.replace('Thank you', 'Many thanks'), 'save')).status).toBe(303);
    const late = await editor.post(path).type('form').send({ _csrf: csrfTokenFrom(page.text), text: text.replace('Summary', 'Recap'), baseHash: baseHashOf(page.text), intent: 'save' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Otra persona guardó este archivo');
    expect(textareaOf(late.text)).toContain('## Recap');
    const [current] = await versionsOf(testApp.app, courseId, '02-cierre', 'en');
    expect(current.sourceText).toContain('Many thanks');
    expect(current.sourceText).toContain('## Summary');
  });

  it('explains a YAML mistake in course.md in the facilitator\'s words, not the parser\'s', async () => {
    const settings = textareaOf((await editor.get(`${COURSE}/files/course.md`)).text);
    const broken = settings.replace(/^hours: .*$/m, 'hours: 1\nhours: 2');
    const response = await post(`${COURSE}/files/course.md`, broken, 'save');
    expect(response.status).toBe(422);
    expect(response.text).toContain('Los ajustes no son YAML válido: un ajuste aparece dos veces: deje solo uno');
    expect(response.text).not.toContain('duplicated mapping key');
    expect(response.text).not.toContain('$t(');
  });

  it('edits the course settings and the assessment the same way', async () => {
    const settings = await editor.get(`${COURSE}/files/course.md`);
    const saved = await post(`${COURSE}/files/course.md`, textareaOf(settings.text).replace('hours: 1', 'hours: 2.5'), 'save');
    expect(saved.status).toBe(303);
    expect((await testApp.app.get(DataSource).getRepository(Course).findOneByOrFail({ id: courseId })).hours).toBe(2.5);

    const bank = textareaOf((await editor.get(`${COURSE}/files/assessment.es.md`)).text);
    const tooShort = bank.slice(0, bank.indexOf('### pt10')) + ':::\n';
    const refused = await post(`${COURSE}/files/assessment.es.md`, tooShort, 'save');
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('la prueba inicial y la final necesitan al menos 10');
    expect((await post(`${COURSE}/files/assessment.es.md`, bank.replace('La afirmación número 1 es', 'La afirmación 1 es'), 'save')).status).toBe(303);
    expect((await versionsOf(testApp.app, courseId, 'assessment', 'es'))[0]).toMatchObject({ version: 2, createdById: facilitator.id });
  });

  it('answers 404 for a file that is not one of the course files', async () => {
    expect((await editor.get(`${COURSE}/files/99-nada.es.md`)).status).toBe(404);
    expect((await editor.get(`${COURSE}/files/01-bienvenida.fr.md`)).status).toBe(404);
    expect((await editor.get(`${COURSE}/files/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('adds a new module in both languages after checking it with the course', async () => {
    const form = await editor.get(`${COURSE}/modules/new`);
    expect(form.status).toBe(200);
    const body = (language: string, title: string) => `---\ntitle: ${title}\nminutes: 20\norder: 3\n---\n\n## ${title}\n\nTexto ${language}.\n\n::: quiz\n\n### n1 (truefalse)\nPregunta.\n\n- [x] Sí\n- [ ] No\n\n:::\n`;
    const token = csrfTokenFrom(form.text);
    const badKey = await editor.post(`${COURSE}/modules/new`).type('form').send({ _csrf: token, key: '3-nuevo', textEs: body('es', 'Nuevo'), textEn: body('en', 'New'), intent: 'save' });
    expect(badKey.status).toBe(422);
    expect(badKey.text).toContain('Use dos dígitos, un guion');
    const missingEnglish = await editor.post(`${COURSE}/modules/new`).type('form').send({ _csrf: token, key: '03-nuevo', textEs: body('es', 'Nuevo'), textEn: '', intent: 'save' });
    expect(missingEnglish.status).toBe(422);
    expect(missingEnglish.text).toContain('03-nuevo.en.md, línea 1');

    const saved = await editor.post(`${COURSE}/modules/new`).type('form').send({ _csrf: token, key: '03-nuevo', textEs: body('es', 'Nuevo'), textEn: body('en', 'New'), intent: 'save' });
    expect(saved.status).toBe(303);
    expect(await moduleOf(testApp.app, courseId, '03-nuevo')).toMatchObject({ position: 3, active: true });
    expect((await versionsOf(testApp.app, courseId, '03-nuevo', 'en'))[0]).toMatchObject({ title: 'New', version: 1, createdById: facilitator.id });
  });

  it('lets an admin assign and unassign facilitators', async () => {
    const admin = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'admin' }));
    const newcomer = await createUser(testApp.app, { role: 'facilitator', name: 'Nuevo Facilitador' });
    const learner = await createUser(testApp.app);
    const editorsPage = `${COURSE}/editors`;
    expect((await editor.get(editorsPage)).status).toBe(403);

    const refused = await submitForm(admin, editorsPage, editorsPage, { email: learner.email });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('no tiene el rol de facilitador');
    expect((await submitForm(admin, editorsPage, editorsPage, { email: 'nadie@example.org' })).text).toContain('No hay ninguna cuenta con ese correo.');

    expect((await submitForm(admin, editorsPage, editorsPage, { email: newcomer.email })).status).toBe(303);
    const newcomerAgent = await signedInAgent(testApp.app, newcomer);
    expect((await newcomerAgent.get(COURSE)).status).toBe(200);
    expect((await admin.get(editorsPage)).text).toContain('Nuevo Facilitador');

    expect((await submitForm(admin, editorsPage, `${editorsPage}/${newcomer.id}/remove`, {})).status).toBe(303);
    expect((await newcomerAgent.get(COURSE)).status).toBe(404);
  });
});
