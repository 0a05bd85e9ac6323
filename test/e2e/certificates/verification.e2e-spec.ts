import request from 'supertest';
import { CertificateIssuerService } from '../../../src/certificates/certificate-issuer.service';
import { Certificate } from '../../../src/certificates/entities/certificate.entity';
import { formatPublicCode, newPublicCode } from '../../../src/certificates/public-code';
import { THROTTLE_BUCKETS } from '../../../src/throttling/throttle-buckets';

const VERIFY_LIMIT = THROTTLE_BUCKETS.certificateVerificationAddress;
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { createTestApp, TestApp } from '../../utils/test-app';
import { certificatesOf, completeCourse, simpleCourse } from './certificate-helpers';

describe('certificates: public verification', () => {
  let testApp: TestApp;
  let learner: User;
  let certificate: Certificate;
  let cohortName: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    learner = await createUser(testApp.app, { name: 'Ana Beatriz Quintanilla' });
    const built = await simpleCourse(testApp.app, learner);
    cohortName = built.cohort.name;
    await completeCourse(await signedInAgent(testApp.app, learner), built.course.slug);
    [certificate] = await certificatesOf(testApp.app, { userId: learner.id });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const verify = (path: string) => request(testApp.server).get(path);

  it('shows a valid certificate to anyone, with only the listed fields', async () => {
    const page = await verify(`/verify/${formatPublicCode(certificate.code)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Certificado válido');
    for (const shown of [
      'Ana Beatriz Quintanilla',
      certificate.courseTitle,
      'Certificado de aprobación',
      '4 horas',
      'El Salvador',
      'Aprende Protección',
    ]) {
      expect(page.text).toContain(shown);
    }
    // Nothing else about the person or the course edition.
    for (const hidden of [learner.email, 'Agente de fronteras', 'El Amatillo', 'La Unión', cohortName])
      expect(page.text).not.toContain(hidden);
    expect(page.text).not.toMatch(/<script/i);
  });

  it('reads codes typed in lower case, without dashes or with spaces, through a form that needs no script', async () => {
    const form = await verify('/verify');
    expect(form.text).toMatch(/<form method="get" action="\/verify"/);
    const typed = await verify(`/verify?code=${encodeURIComponent(` ${certificate.code.toLowerCase().replace(/(.{4})/g, '$1 ')}`)}`);
    expect(typed.status).toBe(303);
    expect(typed.headers.location).toBe(`/verify/${formatPublicCode(certificate.code)}`);
    expect((await verify(`/verify/${certificate.code.toLowerCase()}`)).text).toContain('Certificado válido');
  });

  it('answers unknown and malformed codes with a plain "not found"', async () => {
    for (const code of [formatPublicCode(newPublicCode()), 'nonsense', 'A'.repeat(200)]) {
      const page = await verify(`/verify/${encodeURIComponent(code)}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('No se encontró ningún certificado con ese código.');
      expect(page.text).not.toContain('Ana Beatriz');
    }
  });

  it('shows a revoked certificate as revoked, with the date and the public reason, in English too', async () => {
    const staff = await createUser(testApp.app, { role: 'coordinator' });
    const other = await createUser(testApp.app, { name: 'Otro Participante' });
    const built = await simpleCourse(testApp.app, other);
    await completeCourse(await signedInAgent(testApp.app, other), built.course.slug);
    const [revoked] = await certificatesOf(testApp.app, { userId: other.id });
    await testApp.app.get(CertificateIssuerService).revoke(revoked.id, staff.id, 'issued_in_error', 'private note for the audit');
    const page = await verify(`/verify/${formatPublicCode(revoked.code)}`).set('Cookie', 'lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Revoked certificate');
    expect(page.text).toContain('Issued in error');
    expect(page.text).toMatch(/Revoked on \w+/);
    expect(page.text).not.toContain('private note');
  });

  it('shows a replaced certificate as replaced, linking to the new code, which is valid', async () => {
    const staff = await createUser(testApp.app, { role: 'admin' });
    const other = await createUser(testApp.app, { name: 'Jose Perez' });
    const built = await simpleCourse(testApp.app, other);
    await completeCourse(await signedInAgent(testApp.app, other), built.course.slug);
    const [old] = await certificatesOf(testApp.app, { userId: other.id });
    const fresh = await testApp.app.get(CertificateIssuerService).reissue(old.id, staff.id, 'José Pérez', 'Nombre corregido');
    const page = await verify(`/verify/${formatPublicCode(old.code)}`);
    expect(page.text).toContain('Certificado reemplazado');
    expect(page.text).toContain(`href="/verify/${formatPublicCode(fresh.code)}"`);
    const next = await verify(`/verify/${formatPublicCode(fresh.code)}`);
    expect(next.text).toContain('Certificado válido');
    expect(next.text).toContain('José Pérez');
  });
});

describe('certificates: verification throttle', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it(`serves exactly ${VERIFY_LIMIT.points} lookups per address out of 30 parallel ones, counted in the database across instances`, async () => {
    const other = await testApp.anotherInstance();
    try {
      const servers = [testApp.server, other.server];
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, index) => request(servers[index % 2]).get(`/verify/${formatPublicCode(newPublicCode())}`)),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 404)).toHaveLength(VERIFY_LIMIT.points);
      expect(statuses.filter((status) => status === 429)).toHaveLength(30 - VERIFY_LIMIT.points);
      const refused = responses.find((response) => response.status === 429)!;
      expect(refused.text).toContain('Demasiadas consultas');
      // The refusal says when to come back: within the bucket's window, at least a second.
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(VERIFY_LIMIT.durationSeconds);
    } finally {
      await other.close();
    }
  });
});
