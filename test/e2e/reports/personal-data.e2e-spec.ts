import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { ReportDownload } from '../../../src/reports/audit/report-download.entity';
import { User } from '../../../src/users/user.entity';
import { BuiltCourse, createCohort, createCourse, enrol } from '../../utils/course-factories';
import { createUser, DEFAULT_PASSWORD, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';
import { certificatesOf, completeCourse, simpleCourse } from '../certificates/certificate-helpers';
import { downloadCsv, learner, progressRow, submittedAttempt, updateEnrolment } from './report-fixtures';

describe('personal data: privacy notice, own-data export, anonymisation', () => {
  let testApp: TestApp;
  let built: BuiltCourse;
  let other: BuiltCourse;
  let cohort: Cohort;
  let me: User;
  let someoneElse: User;
  let admin: Agent;
  let adminUser: User;
  let coordinator: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    const app = testApp.app;
    built = await createCourse(app);
    other = await createCourse(app);
    cohort = await createCohort(app, built.course, { name: 'Cohorte Datos' });
    const otherCohort = await createCohort(app, other.course, { name: 'Cohorte Otra' });
    me = await learner(app, { name: 'Marta Propia', institution: 'pnc', sex: 'female', dutyStation: 'El Amatillo', position: 'Agente' });
    someoneElse = await learner(app, { name: 'Otro Ajeno', institution: 'pnc', sex: 'female' });
    const mine = await enrol(app, me, built.course, cohort);
    await enrol(app, me, other.course, otherCohort);
    await enrol(app, someoneElse, built.course, cohort);
    await submittedAttempt(app, me, built.assessment!, 'pre', { 'pt-q1': ['a'] }, 25);
    await submittedAttempt(app, someoneElse, built.assessment!, 'pre', { 'pt-q1': ['b'] }, 0);
    await progressRow(app, me, built.modules[0], { done: true, score: 100, passed: true });
    await progressRow(app, me, built.modules[1], { done: true, score: 100, passed: true });
    await progressRow(app, me, built.assessment!, { score: 100, passed: true });
    await submittedAttempt(app, me, built.assessment!, 'post', {}, 100);
    await updateEnrolment(app, mine, { completedAt: new Date() });
    adminUser = await createUser(app, { role: 'admin' });
    admin = await signedInAgent(app, adminUser);
    coordinator = await signedInAgent(app, await createUser(app, { role: 'coordinator' }));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("shows the admin's privacy notice at registration, in the visitor's language, and only admins edit it", async () => {
    const visitor = request.agent(testApp.server);
    expect((await visitor.get('/auth/register')).text).toContain('Aviso de privacidad');
    const saved = await submitForm(admin, '/admin/privacy', '/admin/privacy', {
      es: 'Recogemos su institución para informes agregados.\n\nPuede pedir que se borren sus datos.',
      en: 'We collect your institution for aggregated reports.',
    });
    expect(saved.status).toBe(303);
    const spanish = await visitor.get('/auth/register');
    expect(spanish.text).toContain('<p>Recogemos su institución para informes agregados.</p>');
    expect(spanish.text).toContain('<p>Puede pedir que se borren sus datos.</p>');
    const english = await request(testApp.server).get('/auth/register').set('Cookie', 'lang=en');
    expect(english.text).toContain('We collect your institution for aggregated reports.');
    expect((await coordinator.get('/admin/privacy')).status).toBe(403);
    // A refused registration comes back with the notice still on the page.
    const refused = await submitForm(visitor, '/auth/register', '/auth/register', { email: 'x' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Recogemos su institución para informes agregados.');
  });

  it('gives a learner everything held about them as JSON and CSV, and nothing about anyone else', async () => {
    const agent = await signedInAgent(testApp.app, me, DEFAULT_PASSWORD);
    expect((await agent.get('/profile')).text).toContain('/profile/data/json');
    const response = await agent.get('/profile/data/json');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    type Exported = {
      profile: Record<string, unknown>;
      enrolments: { cohort: { name: string }; progress: Record<string, unknown> }[];
      attempts: Record<string, unknown>[];
      certificates: unknown[];
    };
    const data = JSON.parse(response.text) as Exported;
    expect(data.profile).toMatchObject({
      id: me.id,
      email: me.email,
      name: 'Marta Propia',
      dutyStation: 'El Amatillo',
      institution: 'pnc',
    });
    expect(data.profile).not.toHaveProperty('passwordHash');
    expect(data.enrolments.map((item) => item.cohort.name).sort()).toEqual(['Cohorte Datos', 'Cohorte Otra']);
    const done = data.enrolments.find((item) => item.cohort.name === 'Cohorte Datos')!;
    expect(done.progress).toMatchObject({ modulesDone: 2, preTestScore: 25, postTestScore: 100, knowledgeGain: 75, completed: true });
    expect(data.attempts).toHaveLength(2);
    expect(data.attempts[0]).toMatchObject({ kind: 'pre', score: 25, answers: { 'pt-q1': ['a'] } });
    expect(data.attempts[1]).toMatchObject({ kind: 'post', score: 100 });
    expect(Array.isArray(data.certificates)).toBe(true);
    expect(response.text).not.toContain(someoneElse.email);
    expect(response.text).not.toContain('Otro Ajeno');
    const csv = await downloadCsv(agent, '/profile/data/csv');
    expect(csv.status).toBe(200);
    expect(csv.rows[0]).toEqual(['Sección', 'Campo', 'Valor']);
    expect(csv.rows).toContainEqual(['profile', 'email', me.email]);
    expect(csv.rows).toContainEqual(['attempts', '0.score', '25']);
    expect(csv.raw.toString('utf8')).not.toContain(someoneElse.email);
    const logged = await testApp.app
      .get(DataSource)
      .getRepository(ReportDownload)
      .find({ where: { userId: me.id, kind: 'own-data' } });
    expect(logged.map((entry) => entry.format).sort()).toEqual(['csv', 'json']);
    expect((await request(testApp.server).get('/profile/data/json')).status).toBe(303);
  });

  it('anonymises a person irreversibly: data erased, no sign-in, counts kept, roster shows data removed', async () => {
    const victim = await learner(testApp.app, {
      name: 'Paula Borrable',
      institution: 'dgme',
      sex: 'female',
      position: 'Inspectora',
      dutyStation: 'La Hachadura',
    });
    await enrol(testApp.app, victim, built.course, cohort);
    const session = await signedInAgent(testApp.app, victim, DEFAULT_PASSWORD);
    const summaryBefore = (await downloadCsv(coordinator, `/reports/summary.csv?cohort=${cohort.id}`)).rows;

    const learnerAgent = await signedInAgent(testApp.app, someoneElse, DEFAULT_PASSWORD);
    expect((await learnerAgent.get(`/admin/users/${victim.id}/anonymise`)).status).toBe(403);
    const confirm = await admin.get(`/admin/users/${victim.id}/anonymise`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Paula Borrable');
    const unticked = await submitForm(admin, `/admin/users/${victim.id}/anonymise`, `/admin/users/${victim.id}/anonymise`, {});
    expect(unticked.status).toBe(422);
    expect((await testApp.app.get(DataSource).getRepository(User).findOneByOrFail({ id: victim.id })).name).toBe('Paula Borrable');
    const done = await submitForm(admin, `/admin/users/${victim.id}/anonymise`, `/admin/users/${victim.id}/anonymise`, { confirm: 'yes' });
    expect(done.status).toBe(303);

    const row = await testApp.app
      .get(DataSource)
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: victim.id })
      .getOneOrFail();
    expect(row).toMatchObject({ name: '—', position: '', dutyStation: '', institutionOther: null, institution: 'dgme', sex: 'female' });
    expect(row.email).not.toContain('paula');
    expect(row.anonymisedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toMatch(/Paula|Borrable|Inspectora|Hachadura/);
    // The open session ends, the old email and password no longer sign in.
    expect((await session.get('/my/courses')).status).toBe(303);
    const login = await submitForm(request.agent(testApp.server), '/auth/login', '/auth/login', {
      email: victim.email,
      password: DEFAULT_PASSWORD,
    });
    expect(login.status).toBe(401);
    // The donor summary counts the same; the roster names nobody.
    expect((await downloadCsv(coordinator, `/reports/summary.csv?cohort=${cohort.id}`)).rows).toEqual(summaryBefore);
    const roster = await downloadCsv(coordinator, `/reports/roster.csv?cohort=${cohort.id}`);
    const anonymous = roster.rows.find((line) => line[0] === '(datos eliminados)')!;
    expect(anonymous[1]).toBe('');
    expect(roster.raw.toString('utf8')).not.toMatch(/Paula|Inspectora|Hachadura/);
    expect((await admin.get('/admin/users')).text).toContain('Datos eliminados');
    expect((await admin.get(`/admin/users/${adminUser.id}/anonymise`)).status).toBe(404);
  });

  it("fills the roster's certificate columns and, after anonymisation, verification says holder data removed", async () => {
    const holder = await learner(testApp.app, { name: 'Clara Certificada' });
    const simple = await simpleCourse(testApp.app, holder);
    await completeCourse(await signedInAgent(testApp.app, holder, DEFAULT_PASSWORD), simple.course.slug);
    const [certificate] = await certificatesOf(testApp.app, { userId: holder.id });
    expect(certificate).toBeDefined();
    const roster = await downloadCsv(coordinator, `/reports/roster.csv?cohort=${simple.cohort.id}`);
    const row = roster.rows.find((line) => line[0] === 'Clara Certificada')!;
    expect(row.slice(-2)).toEqual([certificate.code, 'Válido']);
    const summary = await downloadCsv(coordinator, `/reports/summary.csv?cohort=${simple.cohort.id}`);
    expect(summary.rows[1].slice(2, 8)).toEqual(['1', '1', '', '1', '', '']);
    expect((await request(testApp.server).get(`/verify/${certificate.code}`)).text).toContain('Clara Certificada');

    await submitForm(admin, `/admin/users/${holder.id}/anonymise`, `/admin/users/${holder.id}/anonymise`, { confirm: 'yes' });
    const page = await request(testApp.server).get(`/verify/${certificate.code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Datos del titular eliminados');
    expect(page.text).not.toContain('Clara Certificada');
    const [after] = await certificatesOf(testApp.app, { id: certificate.id });
    expect(after.holderName).toBe('');
    expect((await downloadCsv(coordinator, `/reports/summary.csv?cohort=${simple.cohort.id}`)).rows).toEqual(summary.rows);
  });
});
