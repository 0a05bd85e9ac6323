import request from 'supertest';
import { join } from 'node:path';
import { ContentImportService } from '../../../src/content/import/content-import.service';
import { loadFolder } from '../../../src/content/parsing';
import { createCohort, enrol } from '../../utils/cohort-factories';
import { assignEditor, courseBySlug, FIXTURE_CONTENT, FIXTURE_SLUG } from '../../utils/content-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';

const MEDIA = `/courses/${FIXTURE_SLUG}/media`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/></svg>';

describe('course media', () => {
  let testApp: TestApp;
  let learner: Agent;
  let png: Buffer;

  beforeAll(async () => {
    testApp = await createTestApp();
    const files = await loadFolder(join(FIXTURE_CONTENT, FIXTURE_SLUG));
    files.set('media/mapas/ruta de referencia.svg', Buffer.from(SVG));
    files.set('media/formulario.docx', Buffer.from('PK fake office document'));
    png = files.get('media/mapa.png') as Buffer;
    await testApp.app.get(ContentImportService).importCourse(FIXTURE_SLUG, files, { actorId: null, source: 'upload' });
    const enrolled = await createUser(testApp.app);
    await enrol(testApp.app, enrolled, await createCohort(testApp.app, await courseBySlug(testApp.app)));
    learner = await signedInAgent(testApp.app, enrolled);
  });
  afterAll(async () => { await testApp.close(); });

  it('sends people who are not signed in to the login page', async () => {
    const response = await request(testApp.server).get(`${MEDIA}/mapa.png`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/auth\/login/);
  });

  it("serves the media of a course only to those who may see the course: enrolled learners, staff and its editors", async () => {
    const course = await courseBySlug(testApp.app);
    const outsider = await signedInAgent(testApp.app, await createUser(testApp.app));
    expect((await outsider.get(`${MEDIA}/mapa.png`)).status).toBe(404);
    const otherFacilitator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'facilitator' }));
    expect((await otherFacilitator.get(`${MEDIA}/mapa.png`)).status).toBe(404);
    const editorUser = await createUser(testApp.app, { role: 'facilitator' });
    await assignEditor(testApp.app, course.id, editorUser.id);
    expect((await (await signedInAgent(testApp.app, editorUser)).get(`${MEDIA}/mapa.png`)).status).toBe(200);
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    expect((await coordinator.get(`${MEDIA}/mapa.png`)).status).toBe(200);
    expect((await learner.get(`${MEDIA}/mapa.png`)).status).toBe(200);
  });

  it('serves an image with its type, nosniff, private caching and an ETag, and 304 when unchanged', async () => {
    const response = await learner.get(`${MEDIA}/mapa.png`);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'cache-control': 'private, max-age=3600' });
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(Buffer.compare(response.body as Buffer, png)).toBe(0);
    const etag = response.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const cached = await learner.get(`${MEDIA}/mapa.png`).set('If-None-Match', etag);
    expect(cached.status).toBe(304);
    expect(cached.text ?? '').toBe('');
  });

  it('shows PDFs in place but makes office documents downloads', async () => {
    const pdf = await learner.get(`${MEDIA}/guia.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBeUndefined();
    const docx = await learner.get(`${MEDIA}/formulario.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="formulario.docx"; filename*=UTF-8''formulario.docx`);
  });

  it('serves SVG (from a sub-folder, with spaces in its name) under a policy that forbids scripts', async () => {
    const svg = await learner.get(`${MEDIA}/mapas/ruta%20de%20referencia.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  });

  it('serves a byte range, so phones can play audio and video in pieces', async () => {
    const response = await learner.get(`${MEDIA}/mapa.png`).set('Range', 'bytes=0-7');
    expect(response.status).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 0-7/${png.length}`);
    expect(Buffer.compare(response.body as Buffer, png.subarray(0, 8))).toBe(0);
  });

  it('answers 404 for files and courses that do not exist, and for paths that try to leave media/', async () => {
    expect((await learner.get(`${MEDIA}/nada.png`)).status).toBe(404);
    expect((await learner.get('/courses/no-existe/media/mapa.png')).status).toBe(404);
    expect((await learner.get(`${MEDIA}/..%2F01-bienvenida.es.md`)).status).toBe(404);
  });
});
