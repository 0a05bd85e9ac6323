import request from 'supertest';
import { Course } from '../../../src/content/entities/course.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { assignFacilitator, createCohort, createCourse, daysFromNow, enrol, enrolmentsOf } from '../../utils/cohort-factories';
import { createTestApp, submitForm, TestApp } from '../../utils/test-app';

describe('enrolling in a cohort, by mode', () => {
  let testApp: TestApp;
  let course: Course;
  const page = () => `/courses/${course.slug}/cohorts`;

  beforeAll(async () => {
    testApp = await createTestApp();
    course = await createCourse(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function learner() {
    const user = await createUser(testApp.app);
    return { user, agent: await signedInAgent(testApp.app, user) };
  }

  it('lists the open cohorts to visitors with a sign-in link, hiding invitation-only ones', async () => {
    const open = await createCohort(testApp.app, course, { name: 'Edición abierta SV' });
    const hidden = await createCohort(testApp.app, course, { name: 'Edición por invitación HN', enrolmentMode: 'invitation' });
    const res = await request(testApp.server).get(page());
    expect(res.status).toBe(200);
    expect(res.text).toContain(open.name);
    expect(res.text).not.toContain(hidden.name);
    // Handlebars writes "=" in attributes as &#x3D;.
    expect(res.text).toContain(`/auth/login?next&#x3D;${encodeURIComponent(page())}`);
  });

  it('enrols directly in an open cohort', async () => {
    const cohort = await createCohort(testApp.app, course);
    const { user, agent } = await learner();
    const res = await submitForm(agent, page(), `${page()}/${cohort.id}/enrol`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/courses/${course.slug}`);
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([
      expect.objectContaining({ cohortId: cohort.id, status: 'active' }),
    ]);
    const after = await agent.get(page());
    expect(after.text).toContain('Ya forma parte de esta cohorte.');
  });

  it('asks for the key, refusing a wrong one with a message and accepting it in any letter case', async () => {
    const cohort = await createCohort(testApp.app, await createCourse(testApp.app), {
      enrolmentMode: 'key',
      enrolmentKey: 'Frontera-2026',
    });
    const slug = (await enrolmentsCourse(cohort.courseId)).slug;
    const { user, agent } = await learner();
    const wrong = await submitForm(agent, `/courses/${slug}/cohorts`, `/courses/${slug}/cohorts/${cohort.id}/enrol`, { key: 'frontera' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('La clave no es correcta.');
    const missing = await submitForm(agent, `/courses/${slug}/cohorts`, `/courses/${slug}/cohorts/${cohort.id}/enrol`, {});
    expect(missing.status).toBe(422);
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([]);
    const right = await submitForm(agent, `/courses/${slug}/cohorts`, `/courses/${slug}/cohorts/${cohort.id}/enrol`, {
      key: ' FRONTERA-2026 ',
    });
    expect(right.status).toBe(303);
    expect(await enrolmentsOf(testApp.app, { userId: user.id, status: 'active' })).toHaveLength(1);
  });

  it('sends a request in approval mode, which the facilitator approves or declines, and the learner sees the status', async () => {
    const otherCourse = await createCourse(testApp.app);
    const cohort = await createCohort(testApp.app, otherCourse, { enrolmentMode: 'approval' });
    const facilitator = await createUser(testApp.app, { role: 'facilitator' });
    await assignFacilitator(testApp.app, cohort, facilitator);
    const staff = await signedInAgent(testApp.app, facilitator);
    const path = `/courses/${otherCourse.slug}/cohorts`;
    const ana = await learner();
    const luis = await learner();
    for (const person of [ana, luis]) expect((await submitForm(person.agent, path, `${path}/${cohort.id}/enrol`, {})).status).toBe(303);
    expect((await ana.agent.get(path)).text).toContain('Su solicitud está pendiente');
    const again = await submitForm(ana.agent, path, `${path}/${cohort.id}/enrol`, {});
    expect(again.status).toBe(409);
    expect(again.text).toContain('Ya envió una solicitud para esta cohorte');

    const requests = await staff.get(`/cohorts/${cohort.id}/requests`);
    expect(requests.text).toContain(ana.user.name);
    const [anaRequest] = await enrolmentsOf(testApp.app, { userId: ana.user.id });
    const [luisRequest] = await enrolmentsOf(testApp.app, { userId: luis.user.id });
    expect(
      (await submitForm(staff, `/cohorts/${cohort.id}/requests`, `/cohorts/${cohort.id}/requests/${anaRequest.id}/approve`, {})).status,
    ).toBe(303);
    expect(
      (await submitForm(staff, `/cohorts/${cohort.id}/requests`, `/cohorts/${cohort.id}/requests/${luisRequest.id}/decline`, {})).status,
    ).toBe(303);
    expect((await enrolmentsOf(testApp.app, { userId: ana.user.id }))[0].status).toBe('active');
    expect((await enrolmentsOf(testApp.app, { userId: luis.user.id }))[0].status).toBe('declined');
    expect((await ana.agent.get(path)).text).toContain('Ya forma parte de esta cohorte.');
    expect((await luis.agent.get(path)).text).toContain('Su solicitud anterior fue rechazada');
  });

  it('does not approve a request once the learner is active in another cohort of the course', async () => {
    const courseE = await createCourse(testApp.app);
    const approval = await createCohort(testApp.app, courseE, { enrolmentMode: 'approval', name: 'Por solicitud GT', country: 'GT' });
    const open = await createCohort(testApp.app, courseE, { name: 'Abierta SV' });
    const facilitator = await createUser(testApp.app, { role: 'facilitator' });
    await assignFacilitator(testApp.app, approval, facilitator);
    const staff = await signedInAgent(testApp.app, facilitator);
    const path = `/courses/${courseE.slug}/cohorts`;
    const { user, agent } = await learner();
    await submitForm(agent, path, `${path}/${approval.id}/enrol`, {});
    await submitForm(agent, path, `${path}/${open.id}/enrol`, {});
    const [request_] = await enrolmentsOf(testApp.app, { userId: user.id, cohortId: approval.id });
    const res = await submitForm(staff, `/cohorts/${approval.id}/requests`, `/cohorts/${approval.id}/requests/${request_.id}/approve`, {});
    expect(res.status).toBe(303);
    expect((await staff.get(res.headers.location)).text).toContain('La persona ya está activa en otra cohorte de este curso (Abierta SV)');
    expect((await enrolmentsOf(testApp.app, { userId: user.id, cohortId: approval.id }))[0].status).toBe('pending');
  });

  it('refuses self-enrolment in an invitation-only cohort', async () => {
    const cohort = await createCohort(testApp.app, course, { enrolmentMode: 'invitation' });
    const { user, agent } = await learner();
    const res = await submitForm(agent, page(), `${page()}/${cohort.id}/enrol`, {});
    expect(res.status).toBe(409);
    expect(res.text).toContain('A esta cohorte solo se entra por invitación.');
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([]);
  });

  it('refuses outside the enrolment window, saying when it opens or that it closed', async () => {
    const early = await createCohort(testApp.app, course, { enrolmentOpensAt: daysFromNow(3) });
    const late = await createCohort(testApp.app, course, { enrolmentClosesAt: daysFromNow(-1) });
    const { user, agent } = await learner();
    const list = await agent.get(page());
    expect(list.text).toContain('La inscripción abre el');
    const before = await submitForm(agent, page(), `${page()}/${early.id}/enrol`, {});
    expect(before.status).toBe(409);
    expect(before.text).toContain('La inscripción abre el');
    const after = await submitForm(agent, page(), `${page()}/${late.id}/enrol`, {});
    expect(after.status).toBe(409);
    expect(after.text).toContain('La inscripción ya cerró.');
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([]);
  });

  it('refuses when the cohort is full', async () => {
    const full = await createCohort(testApp.app, await createCourse(testApp.app), { capacity: 1 });
    await enrol(testApp.app, await createUser(testApp.app), full);
    const slug = (await enrolmentsCourse(full.courseId)).slug;
    const { user, agent } = await learner();
    const res = await submitForm(agent, `/courses/${slug}/cohorts`, `/courses/${slug}/cohorts/${full.id}/enrol`, {});
    expect(res.status).toBe(409);
    expect(res.text).toContain('La cohorte está llena');
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([]);
  });

  it('allows cohorts of different courses but only one active cohort per course, with a clear message', async () => {
    const courseA = await createCourse(testApp.app);
    const courseB = await createCourse(testApp.app);
    const sv = await createCohort(testApp.app, courseA, { name: 'A — El Salvador' });
    const gt = await createCohort(testApp.app, courseA, { name: 'A — Guatemala', country: 'GT' });
    const other = await createCohort(testApp.app, courseB);
    const { user, agent } = await learner();
    const pathA = `/courses/${courseA.slug}/cohorts`;
    expect((await submitForm(agent, pathA, `${pathA}/${sv.id}/enrol`, {})).status).toBe(303);
    expect(
      (await submitForm(agent, `/courses/${courseB.slug}/cohorts`, `/courses/${courseB.slug}/cohorts/${other.id}/enrol`, {})).status,
    ).toBe(303);
    const second = await submitForm(agent, pathA, `${pathA}/${gt.id}/enrol`, {});
    expect(second.status).toBe(409);
    expect(second.text).toContain('Ya tiene una inscripción activa en otra cohorte de este curso (A — El Salvador)');
    expect(await enrolmentsOf(testApp.app, { userId: user.id, status: 'active' })).toHaveLength(2);
  });

  it('lets a learner of an edition that has ended join the next one, keeping their progress', async () => {
    const courseE = await createCourse(testApp.app);
    const lastYear = await createCohort(testApp.app, courseE, {
      name: 'E — 2025',
      startsAt: daysFromNow(-400),
      endsAt: daysFromNow(-30),
      enrolmentOpensAt: null,
      enrolmentClosesAt: null,
    });
    const thisYear = await createCohort(testApp.app, courseE, { name: 'E — 2026' });
    const { user, agent } = await learner();
    await enrol(testApp.app, user, lastYear, 'active', { lastModuleKey: '02-indicadores', preTestScore: 40 });
    const path = `/courses/${courseE.slug}/cohorts`;
    expect((await submitForm(agent, path, `${path}/${thisYear.id}/enrol`, {})).status).toBe(303);
    expect(await enrolmentsOf(testApp.app, { userId: user.id, cohortId: lastYear.id })).toEqual([
      expect.objectContaining({ status: 'moved' }),
    ]);
    expect(await enrolmentsOf(testApp.app, { userId: user.id, cohortId: thisYear.id })).toEqual([
      expect.objectContaining({ status: 'active', lastModuleKey: '02-indicadores', preTestScore: 40 }),
    ]);
  });

  it('still holds the place of an ended edition whose access a facilitator extended', async () => {
    const courseF = await createCourse(testApp.app);
    const ended = await createCohort(testApp.app, courseF, {
      name: 'F — prorrogada',
      startsAt: daysFromNow(-400),
      endsAt: daysFromNow(-30),
      enrolmentOpensAt: null,
      enrolmentClosesAt: null,
    });
    const next = await createCohort(testApp.app, courseF);
    const { user, agent } = await learner();
    await enrol(testApp.app, user, ended, 'active', { accessExtendedUntil: daysFromNow(10) });
    const path = `/courses/${courseF.slug}/cohorts`;
    const refused = await submitForm(agent, path, `${path}/${next.id}/enrol`, {});
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('F — prorrogada');
    expect(await enrolmentsOf(testApp.app, { userId: user.id, status: 'active' })).toEqual([
      expect.objectContaining({ cohortId: ended.id }),
    ]);
  });

  it('lets a learner withdraw (record kept) and enrol again later', async () => {
    const courseD = await createCourse(testApp.app);
    const cohort = await createCohort(testApp.app, courseD);
    const path = `/courses/${courseD.slug}/cohorts`;
    const { user, agent } = await learner();
    await submitForm(agent, path, `${path}/${cohort.id}/enrol`, {});
    const out = await submitForm(agent, path, `${path}/${cohort.id}/withdraw`, {});
    expect(out.status).toBe(303);
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    await submitForm(agent, path, `${path}/${cohort.id}/enrol`, {});
    expect(await enrolmentsOf(testApp.app, { userId: user.id })).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('needs a signed-in account to enrol and hides unpublished courses', async () => {
    const cohort = await createCohort(testApp.app, course);
    const anonymous = await submitForm(request.agent(testApp.server), page(), `${page()}/${cohort.id}/enrol`, {});
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/auth/login');
    const hiddenCourse = await createCourse(testApp.app, { published: false });
    expect((await request(testApp.server).get(`/courses/${hiddenCourse.slug}/cohorts`)).status).toBe(404);
  });

  async function enrolmentsCourse(courseId: number): Promise<Course> {
    const { DataSource } = await import('typeorm');
    return testApp.app.get(DataSource).getRepository(Course).findOneByOrFail({ id: courseId });
  }
});
