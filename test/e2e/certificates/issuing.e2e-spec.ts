import { DataSource } from 'typeorm';
import { CertificateIssuerService } from '../../../src/certificates/certificate-issuer.service';
import { CertificateEvent } from '../../../src/certificates/entities/certificate-event.entity';
import { formatPublicCode } from '../../../src/certificates/public-code';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { UsersService } from '../../../src/users/users.service';
import { testDatabaseKind } from '../../utils/test-database';
import { createUser, signedInAgent } from '../../utils/factories';
import { createTestApp, TestApp } from '../../utils/test-app';
import { certificatesOf, download, completeCourse, flat, markModule, readPdf, simpleCourse } from './certificate-helpers';

describe('certificates: issued once on completion, stored PDF', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ publicUrl: 'https://aprende.example.org' });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('issues one certificate when the learner completes the course, with a printable PDF that says who, what, how long and its code', async () => {
    const learner = await createUser(testApp.app, { name: 'Rosa Elena Martínez Peña' });
    const agent = await signedInAgent(testApp.app, learner);
    const built = await simpleCourse(testApp.app, learner);
    expect(await certificatesOf(testApp.app, { userId: learner.id })).toHaveLength(0);

    await completeCourse(agent, built.course.slug);
    const [certificate, ...others] = await certificatesOf(testApp.app, { userId: learner.id });
    expect(others).toHaveLength(0);
    expect(certificate).toMatchObject({
      enrolmentId: built.enrolment.id,
      kind: 'completion',
      status: 'valid',
      language: 'es',
      holderName: 'Rosa Elena Martínez Peña',
      hours: 4,
    });
    expect(certificate.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);

    const page = await agent.get('/my/courses');
    expect(page.text).toContain(`href="/courses/${built.course.slug}/certificate"`);
    const link = await agent.get(`/courses/${built.course.slug}/certificate`);
    expect(link.status).toBe(303);
    expect(link.headers.location).toBe(`/certificates/${certificate.id}/pdf`);

    const file = await download(agent.get(`/certificates/${certificate.id}/pdf`));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const pdf = file.body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThanOrEqual(200 * 1024);
    const { text, qr, pages } = await readPdf(pdf);
    expect(pages).toBe(1);
    const code = formatPublicCode(certificate.code);
    expect(flat(text)).toContain('Rosa Elena Martínez Peña');
    expect(flat(text)).toContain(certificate.courseTitle);
    expect(text).toContain('Duración: 4 horas');
    expect(text).toContain('CERTIFICADO DE APROBACIÓN');
    expect(text).toContain(code);
    expect(qr).toBe(`https://aprende.example.org/verify/${code}`);

    // The signed credential is made with the PDF.
    expect((await certificatesOf(testApp.app, { id: certificate.id }))[0].credential).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // Stored once: every download returns the same bytes.
    const again = await download(agent.get(`/certificates/${certificate.id}/pdf`));
    expect(again.body.equals(pdf)).toBe(true);
    const events = await testApp.app.get(DataSource).getRepository(CertificateEvent).findBy({ certificateId: certificate.id });
    expect(events).toEqual([expect.objectContaining({ action: 'issued', actorId: null })]);
  });

  it('issues exactly once when the last module is marked by a burst of parallel requests', async () => {
    const learner = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, learner);
    const built = await simpleCourse(testApp.app, learner);
    await markModule(agent, built.course.slug, '01-inicio');
    const responses = await Promise.all(Array.from({ length: 8 }, () => markModule(agent, built.course.slug, '02-cierre')));
    expect(responses.every((response) => response.status === 303)).toBe(true);
    const certificates = await certificatesOf(testApp.app, { userId: learner.id });
    expect(certificates).toHaveLength(1);
    expect(
      await testApp.app.get(DataSource).getRepository(CertificateEvent).countBy({ certificateId: certificates[0].id, action: 'issued' }),
    ).toBe(1);
  });

  it('issues exactly once when issuing races on two instances of the site', async () => {
    const learner = await createUser(testApp.app);
    const built = await simpleCourse(testApp.app, learner);
    await testApp.app.get(DataSource).getRepository(Enrolment).update({ id: built.enrolment.id }, { completedAt: new Date() });
    const other = await testApp.anotherInstance();
    try {
      const issuers = [testApp.app.get(CertificateIssuerService), other.app.get(CertificateIssuerService)];
      const results = await Promise.all(Array.from({ length: 10 }, (_, index) => issuers[index % 2].issueOnCompletion(built.enrolment.id)));
      const certificates = await certificatesOf(testApp.app, { enrolmentId: built.enrolment.id });
      expect(certificates).toHaveLength(1);
      expect(new Set(results.map((result) => result?.code))).toEqual(new Set([certificates[0].code]));
      expect(await testApp.app.get(DataSource).getRepository(CertificateEvent).countBy({ certificateId: certificates[0].id })).toBe(1);
    } finally {
      await other.close();
    }
    expect(testDatabaseKind()).toMatch(/sqlite|postgres/);
  });

  it('fits a 120-character accented name on the page, wrapped, in full', async () => {
    const name = 'María José Ñáñez Güell de la Peña Çelik Őrsi Ürgüplü Fernández-Castañeda y Montalbán Ávila Ibáñez de Villaseñor Gómez Añ';
    expect(name).toHaveLength(120);
    const learner = await createUser(testApp.app);
    await testApp.app.get(UsersService).updateProfile(learner.id, { ...(await import('../../utils/factories')).profileFields(), name });
    const agent = await signedInAgent(testApp.app, learner);
    const built = await simpleCourse(testApp.app, learner);
    await completeCourse(agent, built.course.slug);
    const [certificate] = await certificatesOf(testApp.app, { userId: learner.id });
    const pdf = (await download(agent.get(`/certificates/${certificate.id}/pdf`))).body;
    const { text, pages } = await readPdf(pdf);
    expect(pages).toBe(1);
    expect(flat(text)).toContain(name);
    expect(pdf.length).toBeLessThanOrEqual(200 * 1024);
  });

  it('issues certificates for completions recorded before the feature, at start, safely twice and on two instances at once', async () => {
    const learners = await Promise.all([createUser(testApp.app), createUser(testApp.app)]);
    const enrolments = [];
    for (const learner of learners) enrolments.push((await simpleCourse(testApp.app, learner)).enrolment);
    // Completed "before": the completion is only in the enrolment row.
    await testApp.app
      .get(DataSource)
      .getRepository(Enrolment)
      .update(
        enrolments.map((enrolment) => enrolment.id),
        { completedAt: new Date('2026-03-01T12:00:00Z') },
      );
    // A second instance starting runs the backfill; so does a concurrent explicit run on the first.
    const [other] = await Promise.all([testApp.anotherInstance(), testApp.app.get(CertificateIssuerService).backfill()]);
    try {
      await other.app.get(CertificateIssuerService).backfill();
      for (const enrolment of enrolments) {
        const certificates = await certificatesOf(testApp.app, { enrolmentId: enrolment.id });
        expect(certificates).toHaveLength(1);
        expect(certificates[0].completedAt.toISOString()).toBe('2026-03-01T12:00:00.000Z');
      }
      // Its PDF is made on first download and then kept.
      const agent = await signedInAgent(testApp.app, learners[0]);
      const [certificate] = await certificatesOf(testApp.app, { enrolmentId: enrolments[0].id });
      const first = await download(agent.get(`/certificates/${certificate.id}/pdf`));
      expect(first.status).toBe(200);
      const otherAgent = await signedInAgent(other.app, learners[0]);
      const second = await download(otherAgent.get(`/certificates/${certificate.id}/pdf`));
      expect(second.body.equals(first.body)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
