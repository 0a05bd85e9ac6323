import { DataSource } from 'typeorm';
import { CourseModule } from '../../../src/content/entities/course-module.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { ModuleProgress } from '../../../src/progress/module-progress.entity';
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { assignFacilitator, createCohort, createCourse, enrol, enrolmentsOf } from '../../utils/cohort-factories';
import { contentChanged } from '../../utils/course-factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';

describe("a cohort's learners, for its facilitator", () => {
  let testApp: TestApp;
  let course: Course;
  let facilitator: Agent;
  let facilitatorUser: User;

  beforeAll(async () => {
    testApp = await createTestApp();
    course = await createCourse(testApp.app);
    facilitatorUser = await createUser(testApp.app, { role: 'facilitator' });
    facilitator = await signedInAgent(testApp.app, facilitatorUser);
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function myCohort(overrides = {}) {
    const cohort = await createCohort(testApp.app, course, overrides);
    await assignFacilitator(testApp.app, cohort, facilitatorUser);
    return cohort;
  }

  it('pages and searches the learners', async () => {
    const cohort = await myCohort();
    for (let i = 1; i <= 27; i += 1) {
      const user = await createUser(testApp.app, { name: `Participante ${String(i).padStart(2, '0')}` });
      await enrol(testApp.app, user, cohort);
    }
    const first = await facilitator.get(`/cohorts/${cohort.id}/learners`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('27 participantes');
    expect(first.text.match(/class="card learner-card"/g)).toHaveLength(25);
    expect(first.text).toContain('Página 1 de 2');
    const second = await facilitator.get(`/cohorts/${cohort.id}/learners?page=2`);
    expect(second.text.match(/class="card learner-card"/g)).toHaveLength(2);
    const search = await facilitator.get(`/cohorts/${cohort.id}/learners?q=participante%2007`);
    expect(search.text).toContain('1 participante');
    expect(search.text).toContain('Participante 07');
  });

  it('shows progress, quiz results and last activity, and keeps them when the learner moves to another cohort', async () => {
    const from = await myCohort({ name: 'Origen SV' });
    const to = await myCohort({ name: 'Destino GT', country: 'GT' });
    const modules = testApp.app.get(DataSource).getRepository(CourseModule);
    const [m1] = await modules.save([
      modules.create({ courseId: course.id, key: '01-conceptos', kind: 'lesson', position: 1 }),
      modules.create({ courseId: course.id, key: '02-indicadores', kind: 'lesson', position: 2 }),
    ]);
    await contentChanged(testApp.app);
    const learner = await createUser(testApp.app, { name: 'Marta Progreso' });
    const completedAt = new Date(Date.UTC(2026, 2, 3, 15));
    const enrolment = await enrol(testApp.app, learner, from, 'active', {
      completedAt,
      preTestScore: 40,
      postTestScore: 85,
      lastModuleKey: '02-indicadores',
      lastActivityAt: new Date(Date.UTC(2026, 2, 2, 10)),
    });
    await testApp.app
      .get(DataSource)
      .getRepository(ModuleProgress)
      .insert({ userId: learner.id, courseId: course.id, moduleId: m1.id, completedAt, quizScore: 90, quizPassed: true });

    const before = await facilitator.get(`/cohorts/${from.id}/learners?q=Marta`);
    expect(before.text).toContain('1 de 2 completados');
    expect(before.text).toContain('promedio 90\u00a0% · aprobados: 1');
    expect(before.text).toContain('02-indicadores');

    const moved = await submitForm(facilitator, `/cohorts/${from.id}/learners`, `/cohorts/${from.id}/learners/${enrolment.id}/move`, {
      targetCohortId: String(to.id),
    });
    expect(moved.status).toBe(303);
    const rows = await enrolmentsOf(testApp.app, { userId: learner.id });
    expect(rows.map((row) => [row.cohortId, row.status])).toEqual([
      [from.id, 'moved'],
      [to.id, 'active'],
    ]);
    expect(rows[1]).toMatchObject({ completedAt, preTestScore: 40, postTestScore: 85, lastModuleKey: '02-indicadores' });
    const after = await facilitator.get(`/cohorts/${to.id}/learners?q=Marta`);
    expect(after.text).toContain('1 de 2 completados');
    expect(after.text).toContain('promedio 90\u00a0%');
  });

  it('refuses a move into a full cohort and leaves the learner where they were', async () => {
    const from = await myCohort();
    const full = await myCohort({ capacity: 1 });
    await enrol(testApp.app, await createUser(testApp.app), full);
    const enrolment = await enrol(testApp.app, await createUser(testApp.app), from);
    const res = await submitForm(facilitator, `/cohorts/${from.id}/learners`, `/cohorts/${from.id}/learners/${enrolment.id}/move`, {
      targetCohortId: String(full.id),
    });
    expect(res.status).toBe(303);
    expect((await facilitator.get(res.headers.location)).text).toContain('La cohorte está llena');
    expect(await enrolmentsOf(testApp.app, { userId: enrolment.userId })).toEqual([
      expect.objectContaining({ cohortId: from.id, status: 'active' }),
    ]);
  });

  it('extends one learner’s access after the cohort ends, and removes the extension', async () => {
    const cohort = await myCohort();
    const enrolment = await enrol(testApp.app, await createUser(testApp.app), cohort);
    const path = `/cohorts/${cohort.id}/learners`;
    expect((await submitForm(facilitator, path, `${path}/${enrolment.id}/access`, { until: '2027-01-31' })).status).toBe(303);
    const extended = await testApp.app.get(DataSource).getRepository(Enrolment).findOneByOrFail({ id: enrolment.id });
    expect(extended.accessExtendedUntil).toEqual(new Date(2027, 0, 31, 23, 59, 59, 999));
    const bad = await submitForm(facilitator, path, `${path}/${enrolment.id}/access`, { until: '2027-02-30' });
    expect((await facilitator.get(bad.headers.location)).text).toContain('La fecha no es válida.');
    expect((await submitForm(facilitator, path, `${path}/${enrolment.id}/access`, { until: '' })).status).toBe(303);
    expect(
      (await testApp.app.get(DataSource).getRepository(Enrolment).findOneByOrFail({ id: enrolment.id })).accessExtendedUntil,
    ).toBeNull();
  });

  it('withdraws a learner, keeping the record under the withdrawn filter', async () => {
    const cohort = await myCohort();
    const learner = await createUser(testApp.app, { name: 'Pedro Retirado' });
    const enrolment = await enrol(testApp.app, learner, cohort);
    const path = `/cohorts/${cohort.id}/learners`;
    expect((await submitForm(facilitator, path, `${path}/${enrolment.id}/withdraw`, {})).status).toBe(303);
    expect(await enrolmentsOf(testApp.app, { userId: learner.id })).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    expect((await facilitator.get(path)).text).not.toContain('Pedro Retirado');
    expect((await facilitator.get(`${path}?status=withdrawn`)).text).toContain('Pedro Retirado');
  });
});
