import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEMO_FACILITATOR_EMAIL, seedDemoCohorts } from '../../../src/cohorts/demo-cohorts';
import { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { seedDemoEditors } from '../../../src/content/authoring/demo-editors';
import { seedDemoAccounts } from '../../../src/seed/demo-accounts';
import { UsersService } from '../../../src/users/users.service';
import { createCohort, createCourse } from '../../utils/cohort-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { csrfToken, createTestApp, submitForm, TestApp } from '../../utils/test-app';

describe('the staff day: demo facilitator, copied cohorts, links never logged', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('makes the demo facilitator an editor of two demo courses, so Authoring is not empty at first sight (idempotent)', async () => {
    const silent = { log: () => undefined } as never;
    await seedDemoAccounts(testApp.app.get(UsersService), silent);
    await createCourse(testApp.app, { slug: 'ninez-migrante', title: { es: 'Niñez migrante', en: 'Migrant children' } });
    await createCourse(testApp.app, { slug: 'trata-de-personas', title: { es: 'Trata de personas', en: 'Trafficking in persons' } });
    await createCourse(testApp.app, {
      slug: 'asistencia-psicosocial',
      title: { es: 'Asistencia psicosocial', en: 'Psychosocial assistance' },
    });
    await seedDemoCohorts(testApp.app, silent);
    await seedDemoEditors(testApp.app, DEMO_FACILITATOR_EMAIL);
    await seedDemoEditors(testApp.app, DEMO_FACILITATOR_EMAIL);
    const agent = await signedInAgent(testApp.app, { email: DEMO_FACILITATOR_EMAIL }, 'demo-facilitador-2026');
    const page = await agent.get('/authoring');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Todavía no tiene cursos asignados');
    expect(page.text).toContain('Niñez migrante');
    expect(page.text).toContain('Trata de personas');
    expect(page.text).not.toContain('Asistencia psicosocial');
    expect((await agent.get('/authoring/courses/trata-de-personas')).status).toBe(200);
  });

  it('gives each copy of a cohort for another country its own enrolment key, and says so', async () => {
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    const source = await createCohort(testApp.app, await createCourse(testApp.app), {
      name: 'Trata 2027, El Salvador',
      enrolmentMode: 'key',
      enrolmentKey: 'TRATA27-SV',
    });
    const show = await coordinator.get(`/cohorts/${source.id}`);
    expect(show.text).toContain('cada copia recibe una clave nueva (nunca la misma)');
    const res = await submitForm(coordinator, `/cohorts/${source.id}`, `/cohorts/${source.id}/duplicate`, { countries: ['GT', 'HN'] });
    expect(res.status).toBe(303);
    const copies = await testApp.app
      .get(DataSource)
      .getRepository(Cohort)
      .find({ where: [{ name: 'Trata 2027, Guatemala' }, { name: 'Trata 2027, Honduras' }], order: { country: 'ASC' } });
    expect(copies.map((copy) => copy.enrolmentMode)).toEqual(['key', 'key']);
    const keys = copies.map((copy) => copy.enrolmentKey ?? '');
    expect(keys[0]).toMatch(/^TRATA27-GT-[A-Z2-9]{4}$/);
    expect(keys[1]).toMatch(/^TRATA27-HN-[A-Z2-9]{4}$/);
    expect(new Set([...keys, 'TRATA27-SV']).size).toBe(3);
    const confirmation = (await coordinator.get(res.headers.location)).text;
    for (const key of keys) expect(confirmation).toContain(`clave nueva: ${key}`);
    const open = await createCohort(testApp.app, await createCourse(testApp.app), {
      name: 'Abierta, El Salvador',
      enrolmentMode: 'open',
      enrolmentKey: null,
    });
    await submitForm(coordinator, `/cohorts/${open.id}`, `/cohorts/${open.id}/duplicate`, { countries: ['PA'] });
    expect(await testApp.app.get(DataSource).getRepository(Cohort).findOneByOrFail({ name: 'Abierta, Panamá' })).toMatchObject({
      enrolmentKey: null,
    });
  });

  it('shows one-time set-password links once, on the page, to the coordinator, and never writes them to a log', async () => {
    const logged: string[] = [];
    const spies = (['log', 'warn', 'error', 'debug', 'verbose'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      }),
    );
    try {
      const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
      const cohort = await createCohort(testApp.app, await createCourse(testApp.app));
      const token = await csrfToken(coordinator, `/cohorts/${cohort.id}/bulk`);
      const csv = Buffer.from(
        'email,name,institution,country,sex,age group\nsecreto.enlace@example.org,Sara Secreto,pnc,SV,female,25-34\n',
      );
      const uploaded = await coordinator.post(`/cohorts/${cohort.id}/bulk`).field('_csrf', token).attach('file', csv, 'una.csv');
      expect(uploaded.status).toBe(303);
      const result = await submitForm(coordinator, uploaded.headers.location, `${uploaded.headers.location}/confirm`, {});
      expect(result.status).toBe(200);
      const links = result.text.match(/\/account\/set-password\/[\w-]+/g) ?? [];
      expect(links).toHaveLength(1);
      const secret = String(links[0]).split('/').pop() as string;
      expect(logged.length).toBeGreaterThan(0); // the bulk enrolment itself is logged...
      expect(logged.filter((line) => line.includes(secret) || line.includes('/account/set-password/'))).toEqual([]); // ...its links never
      expect((await coordinator.get(uploaded.headers.location)).text).not.toContain(secret); // shown once
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
