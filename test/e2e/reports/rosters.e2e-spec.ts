import { DataSource } from 'typeorm';
import type { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { ReportDownload } from '../../../src/reports/audit/report-download.entity';
import { ROSTER_COLUMNS } from '../../../src/reports/roster/roster-row';
import type { User } from '../../../src/users/user.entity';
import { BuiltCourse, assignFacilitator, createCohort, createCourse, enrol } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';
import { day, downloadCsv, downloadXlsx, learner, progressRow, submittedAttempt, updateEnrolment } from './report-fixtures';

const col = (key: string) => ROSTER_COLUMNS.findIndex((column) => column.key === key);

describe('completion rosters', () => {
  let testApp: TestApp;
  let built: BuiltCourse;
  let cohortA: Cohort;
  let cohortB: Cohort;
  let people: Record<'done' | 'started' | 'fresh' | 'left' | 'elsewhere', User>;
  let enrolments: Record<keyof typeof people, Enrolment>;
  let admin: Agent;
  let coordinator: Agent;
  let coordinatorUser: User;
  let facilitator: Agent;
  let learnerAgent: Agent;

  beforeAll(async () => {
    testApp = await createTestApp();
    const app = testApp.app;
    built = await createCourse(app);
    cohortA = await createCohort(app, built.course, { name: 'Trata 2026, El Salvador', country: 'SV' });
    cohortB = await createCohort(app, built.course, { name: 'Trata 2026, Guatemala', country: 'GT' });
    people = {
      done: await learner(app, { name: 'Ana Completa', institution: 'pnc', sex: 'female' }),
      started: await learner(app, { name: 'Beto En Curso', institution: 'dgme', sex: 'male' }),
      fresh: await learner(app, {
        name: '=HYPERLINK("http://evil.example")',
        institution: 'pnc',
        position: '+503 7777',
        dutyStation: '@station',
      }),
      left: await learner(app, { name: 'Dora Retirada', institution: 'fgr' }),
      elsewhere: await learner(app, { name: 'Elena Guatemala', country: 'GT', institution: 'pnc' }),
    };
    enrolments = {
      done: await enrol(app, people.done, built.course, cohortA),
      started: await enrol(app, people.started, built.course, cohortA),
      fresh: await enrol(app, people.fresh, built.course, cohortA),
      left: await enrol(app, people.left, built.course, cohortA, { status: 'withdrawn' }),
      elsewhere: await enrol(app, people.elsewhere, built.course, cohortB),
    };
    const [m1, m2] = built.modules;
    // Ana: both modules and quizzes, pre-test 40, post-test 90: complete.
    await submittedAttempt(app, people.done, built.assessment!, 'pre', {}, 40);
    await progressRow(app, people.done, m1, { done: true, score: 100, passed: true });
    await progressRow(app, people.done, m2, { done: true, score: 80, passed: true });
    await progressRow(app, people.done, built.assessment!, { score: 90, passed: true });
    await submittedAttempt(app, people.done, built.assessment!, 'post', {}, 90);
    await updateEnrolment(app, enrolments.done, {
      completedAt: new Date(),
      preTestScore: 40,
      postTestScore: 90,
      lastActivityAt: new Date(),
    });
    // Beto: module 1 marked, its quiz failed.
    await progressRow(app, people.started, m1, { done: true, score: 66.67, passed: false });
    await updateEnrolment(app, enrolments.started, { lastActivityAt: new Date() });

    const adminUser = await createUser(app, { role: 'admin' });
    coordinatorUser = await createUser(app, { role: 'coordinator' });
    const facilitatorUser = await createUser(app, { role: 'facilitator' });
    await assignFacilitator(app, cohortA, facilitatorUser);
    admin = await signedInAgent(app, adminUser);
    coordinator = await signedInAgent(app, coordinatorUser);
    facilitator = await signedInAgent(app, facilitatorUser);
    learnerAgent = await signedInAgent(app, people.done, 'correct horse battery staple');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const names = (rows: string[][]) => rows.slice(1).map((row) => row[col('name')]);

  it("matches the database row for row as CSV: one row per enrolment, headers in the user's language, formulas neutralised", async () => {
    const csv = await downloadCsv(coordinator, `/reports/roster.csv?cohort=${cohortA.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="lista-participantes-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.rows;
    expect(header[0]).toBe('Nombre');
    expect(header).toHaveLength(ROSTER_COLUMNS.length);
    const inDb = await testApp.app
      .get(DataSource)
      .getRepository(Enrolment)
      .find({ where: { cohortId: cohortA.id }, relations: { user: true }, order: { id: 'ASC' } });
    expect(rows).toHaveLength(inDb.length);
    rows.forEach((row, index) => {
      const enrolment = inDb[index];
      const name = enrolment.user.name;
      expect(row[col('name')]).toBe(/^[=+\-@]/.test(name) ? `'${name}` : name);
      expect(row[col('email')]).toBe(enrolment.user.email);
      expect(row[col('department')]).toBe(enrolment.user.department);
      expect(row[col('cohort')]).toBe(cohortA.name);
      expect(row[col('course')]).toBe(built.course.title.es);
      expect(row[col('enrolledAt')]).toBe(day(enrolment.createdAt));
      expect(row[col('completedAt')]).toBe(enrolment.completedAt ? day(enrolment.completedAt) : '');
    });
    const byName = Object.fromEntries(rows.map((row) => [row[col('name')], row]));
    expect(byName['Ana Completa'].slice(col('status'), col('completedAt'))).toEqual([
      'Finalizado',
      day(enrolments.done.createdAt),
      '100',
      '2',
      '90',
      '40',
      '90',
      '50',
    ]);
    expect(byName['Ana Completa'][col('institution')]).toBe('Policía Nacional Civil (PNC)');
    expect(byName['Beto En Curso'].slice(col('status'), col('completedAt'))).toEqual([
      'En curso',
      day(enrolments.started.createdAt),
      '20',
      '0',
      '66.67',
      '',
      '',
      '',
    ]);
    const fresh = byName[`'=HYPERLINK("http://evil.example")`];
    expect(fresh[col('status')]).toBe('Inscrita/o');
    expect(fresh[col('position')]).toBe("'+503 7777");
    expect(fresh[col('dutyStation')]).toBe("'@station");
    expect(byName['Dora Retirada'][col('status')]).toBe('Retirada/o');
  });

  it('gives the same rows as XLSX with real numbers and dates, a bold frozen header, widths and neutralised formulas', async () => {
    const xlsx = await downloadXlsx(coordinator, `/reports/roster.xlsx?cohort=${cohortA.id}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['cache-control']).toBe('no-store');
    const sheet = xlsx.sheet!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(1).value).toBe('Nombre');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(col('name') + 1).width).toBe(ROSTER_COLUMNS[col('name')].width);
    const csv = await downloadCsv(coordinator, `/reports/roster.csv?cohort=${cohortA.id}`);
    for (let r = 2; r <= 5; r += 1) {
      const row = sheet.getRow(r);
      const csvRow = csv.rows[r - 1];
      expect(row.getCell(col('email') + 1).value).toBe(csvRow[col('email')]);
      expect(row.getCell(col('name') + 1).value).toBe(csvRow[col('name')]);
      expect(row.getCell(col('enrolledAt') + 1).value).toBeInstanceOf(Date);
      expect(typeof row.getCell(col('progressPercent') + 1).value).toBe('number');
      expect(String(row.getCell(col('progressPercent') + 1).value)).toBe(csvRow[col('progressPercent')]);
    }
    const ana = [2, 3, 4, 5].map((r) => sheet.getRow(r)).find((row) => row.getCell(1).value === 'Ana Completa')!;
    expect(ana.getCell(col('knowledgeGain') + 1).value).toBe(50);
    expect(ana.getCell(col('completedAt') + 1).value).toBeInstanceOf(Date);
    const evil = [2, 3, 4, 5].map((r) => sheet.getRow(r)).find((row) => String(row.getCell(1).value).includes('HYPERLINK'))!;
    expect(evil.getCell(1).value).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(evil.getCell(1).formula).toBeUndefined();
  });

  it('filters by status, institution, country and date range', async () => {
    const get = async (query: string) =>
      names((await downloadCsv(coordinator, `/reports/roster.csv?course=${built.course.id}&${query}`)).rows).sort();
    expect(await get('status=completed')).toEqual(['Ana Completa']);
    expect(await get('status=inProgress')).toEqual(['Beto En Curso']);
    expect(await get('status=enrolled')).toEqual([`'=HYPERLINK("http://evil.example")`, 'Elena Guatemala']);
    expect(await get('status=withdrawn')).toEqual(['Dora Retirada']);
    expect(await get('institution=pnc')).toEqual([`'=HYPERLINK("http://evil.example")`, 'Ana Completa', 'Elena Guatemala']);
    expect(await get('country=GT')).toEqual(['Elena Guatemala']);
    const today = day(new Date());
    const tomorrow = day(new Date(Date.now() + 86400000));
    expect(await get(`from=${tomorrow}`)).toEqual([]);
    expect(await get(`from=${today}&to=${today}`)).toHaveLength(5);
    expect(await get(`dateField=completed&from=${today}&to=${today}`)).toEqual(['Ana Completa']);
  });

  it('lets a facilitator download only their cohorts and gives a learner a 404', async () => {
    const mine = await downloadCsv(facilitator, '/reports/roster.csv');
    expect(names(mine.rows)).toHaveLength(4);
    expect(names(mine.rows)).not.toContain('Elena Guatemala');
    expect((await downloadCsv(facilitator, `/reports/roster.csv?cohort=${cohortB.id}`)).status).toBe(404);
    expect((await facilitator.get(`/reports?cohort=${cohortB.id}`)).status).toBe(404);
    expect((await learnerAgent.get('/reports')).status).toBe(404);
    expect((await downloadCsv(learnerAgent, `/reports/roster.csv?cohort=${cohortA.id}`)).status).toBe(404);
    expect((await learnerAgent.get('/reports/questions')).status).toBe(404);
    expect((await coordinator.get('/reports/roster.pdf')).status).toBe(404);
  });

  it('limits a coordinator to the countries an admin assigned, and only admins assign them', async () => {
    const page = await admin.get('/reports/coordinators');
    expect(page.status).toBe(200);
    expect(page.text).toContain(coordinatorUser.email);
    expect((await coordinator.get('/reports/coordinators')).status).toBe(403);
    const saved = await submitForm(admin, '/reports/coordinators', `/reports/coordinators/${coordinatorUser.id}`, { countries: ['GT'] });
    expect(saved.status).toBe(303);
    expect(names((await downloadCsv(coordinator, '/reports/roster.csv')).rows)).toEqual(['Elena Guatemala']);
    expect((await downloadCsv(coordinator, `/reports/roster.csv?cohort=${cohortA.id}`)).status).toBe(404);
    expect((await coordinator.get('/reports')).text).toContain('Guatemala');
    expect((await submitForm(admin, '/reports/coordinators', `/reports/coordinators/${coordinatorUser.id}`, {})).status).toBe(303);
    expect(names((await downloadCsv(coordinator, '/reports/roster.csv')).rows)).toHaveLength(5);
  });

  it('records every download (who, when, filter, rows) and shows the log to admins only', async () => {
    const before = new Date(Date.now() - 1000);
    await downloadCsv(facilitator, `/reports/roster.csv?cohort=${cohortA.id}&status=completed`);
    const entry = await testApp.app
      .get(DataSource)
      .getRepository(ReportDownload)
      .findOneOrFail({ where: {}, order: { id: 'DESC' } });
    expect(entry).toMatchObject({
      kind: 'roster',
      format: 'csv',
      rowCount: 1,
      filter: { cohort: String(cohortA.id), status: 'completed' },
    });
    expect(entry.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const log = await admin.get('/reports/downloads');
    expect(log.status).toBe(200);
    expect(log.text).toContain('Lista de participantes (csv)');
    expect(log.text).toContain('&quot;status&quot;:&quot;completed&quot;');
    expect((await coordinator.get('/reports/downloads')).status).toBe(403);
  });

  it("offers the roster from the cohort's page and writes English headers for an English-speaking coordinator", async () => {
    const show = await coordinator.get(`/cohorts/${cohortA.id}`);
    expect(show.text).toContain(`/reports/roster.csv?cohort=${cohortA.id}`);
    expect(show.text).toContain(`/reports/roster.xlsx?cohort=${cohortA.id}`);
    const english = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator', preferredLanguage: 'en' }));
    const csv = await downloadCsv(english, `/reports/roster.csv?cohort=${cohortA.id}&status=completed`);
    expect(csv.rows[0].slice(0, 2)).toEqual(['Name', 'Email']);
    expect(csv.rows[1][col('status')]).toBe('Completed');
  });
});
