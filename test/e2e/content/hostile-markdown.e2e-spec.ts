import type { User } from '../../../src/users/user.entity';
import { createCohort, enrol } from '../../utils/cohort-factories';
import { assignEditor, courseBySlug, FIXTURE_SLUG, importFixtureCourse, versionsOf } from '../../utils/content-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfTokenFrom, TestApp } from '../../utils/test-app';

const FILE = `/authoring/courses/${FIXTURE_SLUG}/files/01-bienvenida.es.md`;
const LEARNER_PAGE = `/courses/${FIXTURE_SLUG}/modules/01-bienvenida`;

/** Raw HTML in Markdown: allowed to be saved (a warning), but it must only ever be shown as text. */
const RAW_HTML = [
  '<script>alert("guion")</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:alert(1)" onclick="alert(2)">enlace</a>',
  '<svg onload=alert(3)></svg>',
].join('\n\n');

/** Dangerous links written as Markdown: refused on save, and inert even in the preview. */
const BAD_LINKS = [
  '[uno](javascript:alert(1))',
  '[dos](JaVaScRiPt:alert(2))',
  '[tres](  java\tscript:alert(3))',
  '![cuatro](javascript:alert(4))',
  '[cinco](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(6)>',
  '[siete](vbscript:msgbox(7))',
].join('\n\n');

/** Nothing in the page can run: no script or frame elements, no event handler attributes, no script URLs. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<\s*(script|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[a-z][^>]*\s(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
}

describe('hostile Markdown', () => {
  let testApp: TestApp;
  let editor: Agent;
  let learner: Agent;
  let facilitator: User;

  beforeAll(async () => {
    testApp = await createTestApp();
    const courseId = await importFixtureCourse(testApp.app);
    facilitator = await createUser(testApp.app, { role: 'facilitator' });
    await assignEditor(testApp.app, courseId, facilitator.id);
    editor = await signedInAgent(testApp.app, facilitator);
    const learnerUser = await createUser(testApp.app);
    await enrol(testApp.app, learnerUser, await createCohort(testApp.app, await courseBySlug(testApp.app)));
    learner = await signedInAgent(testApp.app, learnerUser);
  });
  afterAll(async () => { await testApp.close(); });

  async function submit(text: string, intent: 'preview' | 'save') {
    const page = await editor.get(FILE);
    const baseHash = /name="baseHash" value="([0-9a-f]*)"/.exec(page.text)?.[1] ?? '';
    return editor.post(FILE).type('form').send({ _csrf: csrfTokenFrom(page.text), text, baseHash, intent });
  }

  async function liveText(): Promise<string> {
    return (await versionsOf(testApp.app, (await courseBySlug(testApp.app)).id, '01-bienvenida', 'es'))[0].sourceText;
  }

  it('saves raw HTML only as visible text: inert in the stored lesson, the preview and the learner page', async () => {
    const text = (await liveText()).replace('## Introducción', `## Introducción\n\n${RAW_HTML}\n\nTexto **normal**.`);
    const preview = await submit(text, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('No se permite HTML');
    expectInert(preview.text.slice(preview.text.indexOf('authoring-preview-body')));

    const saved = await submit(text, 'save');
    expect(saved.status).toBe(303);
    const [version] = await versionsOf(testApp.app, (await courseBySlug(testApp.app)).id, '01-bienvenida', 'es');
    expect(version.version).toBe(2);
    expectInert(version.lessonHtml);
    expect(version.lessonHtml).toContain('&lt;script&gt;alert("guion")&lt;/script&gt;');
    expect(version.lessonHtml).toContain('Texto <strong>normal</strong>.');

    const page = await learner.get(LEARNER_PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expectInert(page.text);
  });

  it('refuses dangerous links on save and neutralises them in the preview', async () => {
    const before = await liveText();
    const text = before.replace('## Introducción', `## Introducción\n\n${BAD_LINKS}`);
    const preview = await submit(text, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('usa &quot;javascript:&quot;, que no está permitido');
    expectInert(preview.text);

    const saved = await submit(text, 'save');
    expect(saved.status).toBe(422);
    expectInert(saved.text);
    expect(await liveText()).toBe(before);
    expectInert((await learner.get(LEARNER_PAGE)).text);
  });
});
