import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { CertificatesService } from '../../../src/certificates/certificates.service';
import { CertificateEvent } from '../../../src/certificates/entities/certificate-event.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { User } from '../../../src/users/user.entity';
import { assignFacilitator, createCohort, enrol } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfToken, submitForm, TestApp } from '../../utils/test-app';
import { certificatesOf, completeCourse, download, markModule, readPdf, simpleCourse } from './certificate-helpers';

const COURSE_MD = `---
title:
  es: Curso
  en: Course
summary:
  es: Resumen
  en: Summary
topic: trafficking
hours: 4
languages: [es, en]
pass_mark: 80
certificate: completion
participation:
  modules_percent: 50
---
`;

describe('certificates: managing (staff search, revoke, reissue, bulk participation, zip, issuer settings)', () => {
  let testApp: TestApp;
  let facilitator: User;
  let facilitatorAgent: Agent;
  let coordinatorAgent: Agent;
  let built: Awaited<ReturnType<typeof simpleCourse>>;
  let finisher: User;
  let otherCohortLearner: User;

  beforeAll(async () => {
    testApp = await createTestApp();
    facilitator = await createUser(testApp.app, { role: 'facilitator' });
    facilitatorAgent = await signedInAgent(testApp.app, facilitator);
    coordinatorAgent = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    finisher = await createUser(testApp.app, { name: 'Carmen Finalista' });
    built = await simpleCourse(testApp.app, finisher);
    await testApp.app.get(DataSource).getRepository(Course).update({ id: built.course.id }, { sourceText: COURSE_MD });
    await assignFacilitator(testApp.app, built.cohort, facilitator);
    await completeCourse(await signedInAgent(testApp.app, finisher), built.course.slug);
    // A learner of another cohort (not the facilitator's) with a certificate too.
    otherCohortLearner = await createUser(testApp.app, { name: 'Pedro Otracohorte' });
    const elsewhere = await simpleCourse(testApp.app, otherCohortLearner);
    await completeCourse(await signedInAgent(testApp.app, otherCohortLearner), elsewhere.course.slug);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("lets facilitators find only their cohorts' certificates, coordinators all, learners none", async () => {
    const mine = await facilitatorAgent.get('/staff/certificates');
    expect(mine.status).toBe(200);
    expect(mine.text).toContain('Carmen Finalista');
    expect(mine.text).not.toContain('Pedro Otracohorte');
    const all = await coordinatorAgent.get('/staff/certificates?learner=pedro');
    expect(all.text).toContain('Pedro Otracohorte');
    expect(all.text).not.toContain('Carmen Finalista');
    expect((await coordinatorAgent.get(`/staff/certificates?cohort=${built.cohort.id}`)).text).toContain('Carmen Finalista');
    const [other] = await certificatesOf(testApp.app, { userId: otherCohortLearner.id });
    expect((await facilitatorAgent.get(`/staff/certificates/${other.id}`)).status).toBe(404);
    expect((await facilitatorAgent.get(`/certificates/${other.id}/pdf`)).status).toBe(404);
    const learner = await signedInAgent(testApp.app, finisher);
    expect((await learner.get('/staff/certificates')).status).toBe(403);
  });

  it('reissues after a name correction and revokes, each recorded with who, when and why', async () => {
    const [certificate] = await certificatesOf(testApp.app, { userId: finisher.id });
    const page = `/staff/certificates/${certificate.id}`;
    const missingReason = await submitForm(facilitatorAgent, page, `${page}/reissue`, { holderName: 'Carmen Finalista Ruiz', reason: '' });
    expect(missingReason.status).toBe(303);
    expect((await facilitatorAgent.get(page)).text).toContain('Indique el motivo');

    const reissued = await submitForm(facilitatorAgent, page, `${page}/reissue`, {
      holderName: 'Carmen Finalista Ruiz',
      reason: 'Apellido omitido',
    });
    expect(reissued.status).toBe(303);
    const all = await certificatesOf(testApp.app, { userId: finisher.id });
    expect(all.map((row) => row.status)).toEqual(['replaced', 'valid']);
    expect(all[0].replacedById).toBe(all[1].id);
    expect(all[1].holderName).toBe('Carmen Finalista Ruiz');
    expect(reissued.headers.location).toBe(`/staff/certificates/${all[1].id}`);
    // Only the current certificate can be reissued or revoked.
    expect((await submitForm(facilitatorAgent, page, `${page}/revoke`, { reason: 'other' })).status).toBe(409);

    const fresh = `/staff/certificates/${all[1].id}`;
    expect(
      (await submitForm(facilitatorAgent, fresh, `${fresh}/revoke`, { reason: 'identity', note: 'pedido por la institución' })).status,
    ).toBe(303);
    expect((await certificatesOf(testApp.app, { id: all[1].id }))[0]).toMatchObject({ status: 'revoked', revokedReason: 'identity' });
    const events = await testApp.app
      .get(DataSource)
      .getRepository(CertificateEvent)
      .find({ order: { id: 'ASC' }, where: [{ certificateId: all[0].id }, { certificateId: all[1].id }] });
    expect(events.map((event) => [event.certificateId, event.action, event.actorId, event.reason])).toEqual([
      [all[0].id, 'issued', null, null],
      [all[0].id, 'reissued', facilitator.id, 'Apellido omitido'],
      [all[1].id, 'issued', facilitator.id, 'Apellido omitido'],
      [all[1].id, 'revoked', facilitator.id, 'identity: pedido por la institución'],
    ]);
    const history = await facilitatorAgent.get(fresh);
    expect(history.text).toContain('Revocado');
    expect(history.text).not.toContain('action="/staff/certificates/' + all[1].id + '/revoke"');
  });

  it('issues participation certificates in bulk to the learners who meet the course.md rule, once', async () => {
    const half = await createUser(testApp.app, { name: 'Mitad Participante' });
    const none = await createUser(testApp.app, { name: 'Sin Avance' });
    await enrol(testApp.app, half, built.course, built.cohort);
    await enrol(testApp.app, none, built.course, built.cohort);
    await markModule(await signedInAgent(testApp.app, half), built.course.slug, '01-inicio');
    const page = `/cohorts/${built.cohort.id}/certificates`;
    expect((await facilitatorAgent.get(page)).text).toContain('al menos el 50');
    const first = await submitForm(facilitatorAgent, page, `${page}/participation`, {});
    expect(first.status).toBe(303);
    expect((await facilitatorAgent.get(page)).text).toContain('Constancias emitidas: 1. Ya tenían certificado: 1. No cumplen la regla: 1.');
    const [participation] = await certificatesOf(testApp.app, { userId: half.id });
    expect(participation).toMatchObject({ kind: 'participation', status: 'valid' });
    expect(await certificatesOf(testApp.app, { userId: none.id })).toHaveLength(0);
    await submitForm(facilitatorAgent, page, `${page}/participation`, {});
    expect(await certificatesOf(testApp.app, { userId: half.id })).toHaveLength(1);
    const pdf = await download(facilitatorAgent.get(`/certificates/${participation.id}/pdf`));
    expect((await readPdf(pdf.body)).text).toContain('CONSTANCIA DE PARTICIPACIÓN');
    // For reports: the current certificate per enrolment, in one call.
    const map = await testApp.app
      .get(CertificatesService)
      .certificatesForEnrolments([participation.enrolmentId, built.enrolment.id, 999999]);
    expect(map.get(participation.enrolmentId)).toEqual({ code: participation.code, status: 'valid' });
    expect(map.get(built.enrolment.id)?.status).toBe('revoked');
    expect(map.has(999999)).toBe(false);
  });

  it("downloads all of a cohort's certificates as one zip; another facilitator gets a 404", async () => {
    const zip = await download(facilitatorAgent.get(`/cohorts/${built.cohort.id}/certificates/zip`));
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = Object.keys((await JSZip.loadAsync(zip.body)).files);
    const current = (await certificatesOf(testApp.app, { cohortId: built.cohort.id })).filter((row) => row.status !== 'replaced');
    expect(files).toHaveLength(current.length);
    expect(files.every((name) => name.endsWith('.pdf'))).toBe(true);
    const outsider = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'facilitator' }));
    expect((await outsider.get(`/cohorts/${built.cohort.id}/certificates/zip`)).status).toBe(404);
    expect((await outsider.get(`/cohorts/${built.cohort.id}/certificates`)).status).toBe(404);
  });

  it('prints the issuer, signatories and logo an admin sets in the browser on certificates issued afterwards', async () => {
    const admin = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'admin' }));
    const saved = await submitForm(admin, '/admin/certificates', '/admin/certificates', {
      issuerNameEs: 'Organización Internacional para las Migraciones',
      issuerNameEn: 'International Organization for Migration',
      signatory1Name: 'Ana López',
      signatory1TitleEs: 'Jefa de misión',
      signatory1TitleEn: 'Chief of mission',
      signatory2Name: '',
      signatory2TitleEs: '',
      signatory2TitleEn: '',
    });
    expect(saved.status).toBe(303);
    const png = new PNG({ width: 120, height: 40 });
    png.data.fill(0);
    const token = await csrfToken(admin, '/admin/certificates');
    expect(
      (await admin.post('/admin/certificates/logo').field('_csrf', token).attach('logo', PNG.sync.write(png), 'logo.png')).status,
    ).toBe(303);
    expect((await admin.get('/admin/certificates/logo')).headers['content-type']).toBe('image/png');
    const refused = await admin.post('/admin/certificates/logo').field('_csrf', token).attach('logo', Buffer.from('<svg/>'), 'logo.png');
    expect(refused.status).toBe(303);
    expect((await admin.get('/admin/certificates')).text).toContain('El archivo debe ser una imagen PNG o JPEG.');
    const learnerAgent = await signedInAgent(testApp.app, finisher);
    expect((await learnerAgent.get('/admin/certificates')).status).toBe(403);

    const learner = await createUser(testApp.app, { preferredLanguage: 'en' });
    const agent = await signedInAgent(testApp.app, learner);
    const course = await simpleCourse(testApp.app, learner);
    await completeCourse(agent, course.course.slug);
    const [certificate] = await certificatesOf(testApp.app, { userId: learner.id });
    const { text } = await readPdf((await download(agent.get(`/certificates/${certificate.id}/pdf`))).body);
    expect(text).toContain('International Organization for Migration');
    expect(text).toContain('Ana López');
    expect(text).toContain('Chief of mission');
    expect(text).toContain('CERTIFICATE OF COMPLETION');
  });
});

describe("certificates: the learner's own pages", () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("lists the learner's certificates on My certificates and links them from the course page; nothing for others", async () => {
    const learner = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, learner);
    expect((await agent.get('/my/certificates')).text).toContain('Todavía no tiene certificados');
    const built = await simpleCourse(testApp.app, learner);
    await completeCourse(agent, built.course.slug);
    const [certificate] = await certificatesOf(testApp.app, { userId: learner.id });
    const page = await agent.get('/my/certificates');
    expect(page.text).toContain(`href="/certificates/${certificate.id}/pdf"`);
    expect(page.text).toContain(`href="/certificates/${certificate.id}/credential"`);
    expect((await agent.get(`/courses/${built.course.slug}`)).text).toContain(`href="/courses/${built.course.slug}/certificate"`);
    const stranger = await signedInAgent(testApp.app, await createUser(testApp.app));
    expect((await stranger.get(`/courses/${built.course.slug}/certificate`)).status).toBe(404);
    expect((await stranger.get('/certificates/999999/pdf')).status).toBe(404);
    expect((await stranger.get('/certificates/abc/pdf')).status).toBe(404);
    expect((await stranger.get('/my/certificates')).text).not.toContain(`/certificates/${certificate.id}/`);
    const other = await createCohort(testApp.app, built.course);
    expect(other.id).toBeGreaterThan(0);
  });
});
