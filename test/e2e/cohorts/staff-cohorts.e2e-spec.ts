import { DataSource } from 'typeorm';
import { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { Course } from '../../../src/content/entities/course.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { assignFacilitator, createCohort, createCourse, enrol, enrolmentsOf } from '../../utils/cohort-factories';
import { Agent, createTestApp, submitForm, TestApp } from '../../utils/test-app';

describe('cohorts for coordinators and facilitators', () => {
  let testApp: TestApp;
  let course: Course;
  let coordinator: Agent;
  const cohorts = () => testApp.app.get(DataSource).getRepository(Cohort);

  beforeAll(async () => {
    testApp = await createTestApp();
    course = await createCourse(testApp.app, { title: { es: 'Niñez migrante', en: 'Migrant children' } });
    coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lets a coordinator create a cohort with facilitators, and shows the form again with messages when it is wrong', async () => {
    const facilitator = await createUser(testApp.app, { role: 'facilitator', name: 'Carla Facilitadora' });
    const form = await coordinator.get('/cohorts/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Niñez migrante');
    expect(form.text).toContain('Carla Facilitadora');
    const fields = {
      courseId: String(course.id),
      name: 'Niñez migrante, 2.ª edición, El Salvador',
      country: 'SV',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
      enrolmentOpensOn: '2026-03-01',
      enrolmentClosesOn: '2026-04-15',
      capacity: '70',
      enrolmentMode: 'key',
      enrolmentKey: '',
      facilitatorIds: String(facilitator.id),
    };
    const wrong = await submitForm(coordinator, '/cohorts/new', '/cohorts', { ...fields, endsOn: '2026-03-01' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('La fecha de cierre no puede ser anterior a la de inicio.');
    expect(wrong.text).toContain('Escriba la clave que usarán los participantes.');
    expect(wrong.text).toContain('value="Niñez migrante, 2.ª edición, El Salvador"');
    const created = await submitForm(coordinator, '/cohorts/new', '/cohorts', { ...fields, enrolmentKey: 'NINEZ-SV' });
    expect(created.status).toBe(303);
    const cohort = await cohorts().findOneByOrFail({ name: fields.name });
    expect(created.headers.location).toBe(`/cohorts/${cohort.id}`);
    expect(cohort).toMatchObject({ capacity: 70, enrolmentMode: 'key', enrolmentKey: 'NINEZ-SV', country: 'SV' });
    const page = await coordinator.get(`/cohorts/${cohort.id}`);
    expect(page.text).toContain('Carla Facilitadora');
  });

  it('edits a cohort, refusing a capacity below the learners already in it', async () => {
    const cohort = await createCohort(testApp.app, course, { capacity: 10 });
    for (let i = 0; i < 2; i += 1) await enrol(testApp.app, await createUser(testApp.app), cohort);
    const edit = await coordinator.get(`/cohorts/${cohort.id}/edit`);
    expect(edit.text).toContain(`value="${cohort.name}"`);
    const base = {
      courseId: String(course.id),
      name: 'Renombrada',
      country: 'GT',
      startsOn: '2026-05-01',
      endsOn: '2026-07-31',
      enrolmentMode: 'open',
    };
    const tooSmall = await submitForm(coordinator, `/cohorts/${cohort.id}/edit`, `/cohorts/${cohort.id}/edit`, { ...base, capacity: '1' });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.text).toContain('Ya hay 2 participantes inscritos');
    const saved = await submitForm(coordinator, `/cohorts/${cohort.id}/edit`, `/cohorts/${cohort.id}/edit`, { ...base, capacity: '' });
    expect(saved.status).toBe(303);
    expect(await cohorts().findOneByOrFail({ id: cohort.id })).toMatchObject({ name: 'Renombrada', country: 'GT', capacity: null });
  });

  it('duplicates an edition for other countries, swapping the country in the name', async () => {
    const source = await createCohort(testApp.app, course, { name: 'Trata 2026, El Salvador', enrolmentMode: 'approval', capacity: 30 });
    const res = await submitForm(coordinator, `/cohorts/${source.id}`, `/cohorts/${source.id}/duplicate`, { countries: ['GT', 'HN'] });
    expect(res.status).toBe(303);
    const copies = await cohorts().find({
      where: [{ name: 'Trata 2026, Guatemala' }, { name: 'Trata 2026, Honduras' }],
      order: { country: 'ASC' },
    });
    expect(copies.map((copy) => [copy.country, copy.enrolmentMode, copy.capacity, copy.courseId])).toEqual([
      ['GT', 'approval', 30, course.id],
      ['HN', 'approval', 30, course.id],
    ]);
    const none = await submitForm(coordinator, `/cohorts/${source.id}`, `/cohorts/${source.id}/duplicate`, {});
    expect(none.status).toBe(422);
    expect(none.text).toContain('Marque al menos un país.');
  });

  it('archives a cohort: hidden from learners, records kept, and it can be restored', async () => {
    const cohort = await createCohort(testApp.app, course, { name: 'Para archivar' });
    const learner = await createUser(testApp.app);
    await enrol(testApp.app, learner, cohort);
    expect((await submitForm(coordinator, `/cohorts/${cohort.id}`, `/cohorts/${cohort.id}/archive`, {})).status).toBe(303);
    expect((await coordinator.get(`/cohorts/${cohort.id}`)).text).toContain('Se archivó «Para archivar».');
    expect((await cohorts().findOneByOrFail({ id: cohort.id })).archivedAt).not.toBeNull();
    expect(await enrolmentsOf(testApp.app, { cohortId: cohort.id })).toHaveLength(1);
    const learnerAgent = await signedInAgent(testApp.app, await createUser(testApp.app));
    expect((await learnerAgent.get(`/courses/${course.slug}/cohorts`)).text).not.toContain('Para archivar');
    expect((await coordinator.get('/cohorts')).text).not.toContain('Para archivar');
    expect((await coordinator.get('/cohorts?show=archived')).text).toContain('Para archivar');
    expect((await submitForm(coordinator, `/cohorts/${cohort.id}`, `/cohorts/${cohort.id}/restore`, {})).status).toBe(303);
    expect((await cohorts().findOneByOrFail({ id: cohort.id })).archivedAt).toBeNull();
  });

  describe('facilitator scoping', () => {
    let mine: Cohort;
    let theirs: Cohort;
    let facilitator: Agent;
    let theirEnrolmentId: number;

    beforeAll(async () => {
      const me = await createUser(testApp.app, { role: 'facilitator' });
      mine = await createCohort(testApp.app, course, { name: 'Cohorte A (mía)' });
      theirs = await createCohort(testApp.app, course, { name: 'Cohorte B (ajena)' });
      await assignFacilitator(testApp.app, mine, me);
      await assignFacilitator(testApp.app, theirs, await createUser(testApp.app, { role: 'facilitator' }));
      theirEnrolmentId = (await enrol(testApp.app, await createUser(testApp.app), theirs)).id;
      facilitator = await signedInAgent(testApp.app, me);
    });

    it('lists only their own cohorts', async () => {
      const list = await facilitator.get('/cohorts');
      expect(list.text).toContain('Cohorte A (mía)');
      expect(list.text).not.toContain('Cohorte B (ajena)');
    });

    it('answers 404 for another cohort by URL, on every page', async () => {
      for (const path of ['', '/learners', '/requests', '/invitations']) {
        expect((await facilitator.get(`/cohorts/${theirs.id}${path}`)).status).toBe(404);
        expect((await facilitator.get(`/cohorts/${mine.id}${path}`)).status).toBe(200);
      }
      expect((await facilitator.get('/cohorts/999999')).status).toBe(404);
      expect((await facilitator.get('/cohorts/abc')).status).toBe(404);
    });

    it('cannot change another cohort: withdraw by URL, an enrolment id of B through A, or B as a move target', async () => {
      const token = (await facilitator.get(`/cohorts/${mine.id}/learners`)).text.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      const direct = await facilitator
        .post(`/cohorts/${theirs.id}/learners/${theirEnrolmentId}/withdraw`)
        .type('form')
        .send({ _csrf: token });
      expect(direct.status).toBe(404);
      const through = await facilitator
        .post(`/cohorts/${mine.id}/learners/${theirEnrolmentId}/withdraw`)
        .type('form')
        .send({ _csrf: token });
      expect(through.status).toBe(404);
      const myLearner = await enrol(testApp.app, await createUser(testApp.app), mine);
      const move = await facilitator
        .post(`/cohorts/${mine.id}/learners/${myLearner.id}/move`)
        .type('form')
        .send({ _csrf: token, targetCohortId: String(theirs.id) });
      expect(move.status).toBe(404);
      expect((await enrolmentsOf(testApp.app, { cohortId: theirs.id }))[0].status).toBe('active');
      expect(await enrolmentsOf(testApp.app, { userId: myLearner.userId })).toEqual([
        expect.objectContaining({ cohortId: mine.id, status: 'active' }),
      ]);
      expect((await facilitator.get(`/cohorts/${mine.id}/learners`)).text).not.toContain('Cohorte B (ajena)');
    });

    it('may not create, edit, archive or bulk-enrol (coordinators only)', async () => {
      expect((await facilitator.get('/cohorts/new')).status).toBe(403);
      expect((await facilitator.get(`/cohorts/${mine.id}/edit`)).status).toBe(403);
      expect((await facilitator.get(`/cohorts/${mine.id}/bulk`)).status).toBe(403);
      const token = (await facilitator.get(`/cohorts/${mine.id}`)).text.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      expect((await facilitator.post(`/cohorts/${mine.id}/archive`).type('form').send({ _csrf: token })).status).toBe(403);
    });

    it('keeps learners out of staff pages', async () => {
      const learner = await signedInAgent(testApp.app, await createUser(testApp.app));
      expect((await learner.get('/cohorts')).status).toBe(403);
      expect((await learner.get(`/cohorts/${mine.id}/learners`)).status).toBe(403);
    });
  });
});
