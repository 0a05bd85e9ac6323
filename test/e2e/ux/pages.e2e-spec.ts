import request from 'supertest';
import { DataSource } from 'typeorm';
import { BulkImport } from '../../../src/cohorts/bulk/bulk-import.entity';
import { createCohort, createCourse, enrol } from '../../utils/cohort-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, csrfToken, csrfTokenFrom, submitForm, TestApp } from '../../utils/test-app';

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const headerOf = (html: string) => /<header class="site-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';

describe('every page on a phone: titles, header, forms with errors, counts, uploads', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('gives every page its own title: "Iniciar sesión · Aprende Protección"', async () => {
    const visitor = request.agent(testApp.server);
    const learner = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, learner);
    const titles = {
      home: titleOf((await visitor.get('/')).text),
      login: titleOf((await visitor.get('/auth/login')).text),
      register: titleOf((await visitor.get('/auth/register')).text),
      forgot: titleOf((await visitor.get('/auth/forgot-password')).text),
      catalogue: titleOf((await visitor.get('/courses')).text),
      notFound: titleOf((await visitor.get('/no-such-page')).text),
      profile: titleOf((await agent.get('/profile')).text),
      password: titleOf((await agent.get('/profile/password')).text),
      myCourses: titleOf((await agent.get('/my/courses')).text),
    };
    expect(titles).toEqual({
      home: 'Bienvenida · Aprende Protección',
      login: 'Iniciar sesión · Aprende Protección',
      register: 'Crear cuenta · Aprende Protección',
      forgot: expect.stringMatching(/ · Aprende Protección$/),
      catalogue: 'Cursos · Aprende Protección',
      notFound: expect.stringMatching(/ · Aprende Protección$/),
      profile: 'Mi perfil · Aprende Protección',
      password: expect.stringMatching(/contraseña · Aprende Protección$/i),
      myCourses: 'Mis cursos · Aprende Protección',
    });
    expect(new Set(Object.values(titles)).size).toBe(Object.keys(titles).length);
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    const cohort = await createCohort(testApp.app, await createCourse(testApp.app), { name: 'Trata 2027, Honduras' });
    const cohortTitles = await Promise.all(
      ['', '/learners', '/requests', '/invitations', '/bulk'].map(async (tail) =>
        titleOf((await coordinator.get(`/cohorts/${cohort.id}${tail}`)).text),
      ),
    );
    expect(cohortTitles[1]).toBe('Participantes · Trata 2027, Honduras · Aprende Protección');
    expect(new Set(cohortTitles).size).toBe(5);
  });

  it('keeps the header to one row on phones: the menu sits in a <details> disclosure, the wide menu beside it, no script', async () => {
    const visitor = await request.agent(testApp.server).get('/');
    const header = headerOf(visitor.text);
    expect(header).toMatch(/<details class="nav-phone">\s*<summary>Menú<\/summary>\s*<nav aria-label="Menú principal">/);
    expect(header).toContain('<nav class="nav-wide" aria-label="Menú principal">');
    expect(header).not.toContain('<script');
    const details = /<details class="nav-phone">[\s\S]*<\/details>/.exec(header)?.[0] ?? '';
    expect(details).toContain('href="/auth/login"');
    const agent = await signedInAgent(testApp.app, await createUser(testApp.app));
    const signedIn = /<details class="nav-phone">[\s\S]*<\/details>/.exec(headerOf((await agent.get('/my/courses')).text))?.[0] ?? '';
    expect(signedIn).toContain('href="/my/courses"');
    expect(signedIn).toContain('action="/auth/logout"');
  });

  it('sends the keyboard to the first field in error and links the summary to each field', async () => {
    const agent = request.agent(testApp.server);
    const response = await submitForm(agent, '/auth/register', '/auth/register', { email: 'no-es-correo', name: '' });
    expect(response.status).toBe(422);
    const autofocused = response.text.match(/<(input|select)[^>]*\sautofocus[^>]*>/g) ?? [];
    expect(autofocused).toHaveLength(1);
    const firstLink = /<ul class="error-links">\s*<li><a href="#([\w.]+)">/.exec(response.text)?.[1];
    expect(firstLink).toBeDefined();
    expect(autofocused[0]).toContain(`id="${firstLink}"`);
    expect(response.text).toContain('<a href="#email">Correo electrónico: Escriba un correo válido');
    expect(response.text).toMatch(/<a href="#name">Nombre completo: /);
    const fine = await agent.get('/auth/register');
    expect(fine.text).not.toMatch(/\sautofocus[\s>]/);
    expect(fine.text).not.toContain('error-links');
  });

  it('counts with the language\'s plural forms: "1 participante", "2 participantes"', async () => {
    const coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
    const course = await createCourse(testApp.app);
    const one = await createCohort(testApp.app, course, { name: 'Cohorte con una persona' });
    await enrol(testApp.app, await createUser(testApp.app), one);
    await enrol(testApp.app, await createUser(testApp.app), one, 'pending');
    const list = (await coordinator.get(`/cohorts?q=${encodeURIComponent('una persona')}`)).text;
    expect(list).toContain('1 participante · 1 solicitud pendiente');
    expect(list).not.toContain('1 participantes');
    const learners = (await coordinator.get(`/cohorts/${one.id}/learners`)).text;
    expect(learners).toContain('1 participante<');
  });

  describe('uploads read the CSRF token from the multipart body, never the address', () => {
    let coordinator: Agent;
    let cohortId: number;
    const imports = () => testApp.app.get(DataSource).getRepository(BulkImport).countBy({ cohortId });
    const csv = Buffer.from('email,name\nana.token@example.org,Ana Token\n');

    beforeAll(async () => {
      coordinator = await signedInAgent(testApp.app, await createUser(testApp.app, { role: 'coordinator' }));
      cohortId = (await createCohort(testApp.app, await createCourse(testApp.app))).id;
    });

    it('puts the token first in the form body, not in the action', async () => {
      const page = await coordinator.get(`/cohorts/${cohortId}/bulk`);
      expect(page.text).toMatch(
        new RegExp(
          `<form method="post" action="/cohorts/${cohortId}/bulk" enctype="multipart/form-data" class="form">\\s*(\\{\\{!--.*--\\}\\}\\s*)?<input type="hidden" name="_csrf"`,
        ),
      );
      expect(page.text).not.toContain('?_csrf=');
    });

    it('refuses a token in the query string, a token after the file, and a missing token, storing nothing', async () => {
      const token = await csrfToken(coordinator, `/cohorts/${cohortId}/bulk`);
      const inQuery = await coordinator.post(`/cohorts/${cohortId}/bulk?_csrf=${encodeURIComponent(token)}`).attach('file', csv, 'a.csv');
      const afterFile = await coordinator.post(`/cohorts/${cohortId}/bulk`).attach('file', csv, 'a.csv').field('_csrf', token);
      const wrong = await coordinator.post(`/cohorts/${cohortId}/bulk`).field('_csrf', `${token}x`).attach('file', csv, 'a.csv');
      const noFileNoToken = await coordinator.post(`/cohorts/${cohortId}/bulk`).field('other', 'x');
      expect([inQuery.status, afterFile.status, wrong.status, noFileNoToken.status]).toEqual([403, 403, 403, 403]);
      expect(await imports()).toBe(0);
      const good = await coordinator.post(`/cohorts/${cohortId}/bulk`).field('_csrf', token).attach('file', csv, 'a.csv');
      expect(good.status).toBe(303);
      expect(await imports()).toBe(1);
    });

    it('refuses a multipart post to a route that is not an upload, even with a valid token in the body', async () => {
      const agent = await signedInAgent(testApp.app, await createUser(testApp.app));
      const page = await agent.get('/profile');
      const response = await agent.post('/profile').field('_csrf', csrfTokenFrom(page.text)).field('name', 'Otro Nombre');
      expect(response.status).toBe(403);
    });
  });
});
