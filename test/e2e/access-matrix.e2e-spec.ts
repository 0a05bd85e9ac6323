import { Cast, createCast, createWorld, PERSONA_MEANING, PERSONAS, rowCounts, Scene } from '../utils/access-world';
import { createTestApp, TestApp } from '../utils/test-app';
import { ROUTES, rowTemplate } from './access-matrix';
import { describeAnswer, matches, routeKey, routesServed, send, stage } from './access-runner';

/**
 * Walks the access matrix (access-matrix.ts) against the real app: every route,
 * as every kind of person. A route the app serves that the table does not list
 * fails here, so no route ships without its line in the table.
 */
describe('access matrix: every route, every kind of person', () => {
  let testApp: TestApp;
  let cast: Cast;
  let world: Scene;

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp.app);
    world = await createWorld(testApp.app, cast);
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  it('lists every route the app serves, and only those', () => {
    const served = routesServed(testApp.app);
    const listed = ROUTES.map(routeKey);
    const missing = served.filter((key) => !listed.includes(key));
    const stale = listed.filter((key) => !served.includes(key));
    const duplicated = listed.filter((key, index) => listed.indexOf(key) !== index);
    const problems = [
      ...missing.map((key) => {
        const [method, path] = key.split(' ');
        return `${key} is served but not in test/e2e/access-matrix.ts. Add a row to ROUTES, e.g.\n    ${rowTemplate(method, path)}`;
      }),
      ...stale.map((key) => `${key} is in test/e2e/access-matrix.ts but the app does not serve it: remove or correct the row`),
      ...duplicated.map((key) => `${key} is listed twice in test/e2e/access-matrix.ts`),
    ];
    expect(problems).toEqual([]);
    expect(served.length).toBeGreaterThan(60);
  });

  it('gives each person the answer the table says, on every route', async () => {
    const wrong: string[] = [];
    for (const row of ROUTES) {
      // One person after the other, so the table's answers do not depend on timing (concurrency has its own tests).
      for (const persona of PERSONAS) {
        const { signed, scene, kit } = await stage(testApp.app, row, persona, cast, world);
        const url = await row.url(scene, kit);
        const response = await send(row, signed, url, await row.form?.(scene, kit));
        if (!matches(row.expect[persona], response)) {
          wrong.push(
            `${routeKey(row)} as ${persona} (${PERSONA_MEANING[persona]}): expected ${row.expect[persona]}, got ${describeAnswer(response)} for ${row.method} ${url}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  it('refuses every form sent without its CSRF token, with 403 and nothing written', async () => {
    const wrong: string[] = [];
    for (const row of ROUTES.filter((candidate) => candidate.method === 'POST')) {
      // The person the route is meant for: the first one the table lets in.
      const persona = PERSONAS.find((candidate) => row.expect[candidate] === 'ok') ?? 'admin';
      // Refused, so nothing changes: no fresh scene or users needed.
      const { signed, scene, kit } = await stage(testApp.app, { ...row, fresh: undefined }, persona, cast, world);
      const url = await row.url(scene, kit);
      const fields = await row.form?.(scene, kit);
      const before = await rowCounts(testApp.app);
      const response = await send(row, signed, url, fields, { csrf: false });
      const after = await rowCounts(testApp.app);
      if (response.status !== 403)
        wrong.push(`${routeKey(row)} as ${persona} without a CSRF token: expected 403, got ${describeAnswer(response)}`);
      if (JSON.stringify(after) !== JSON.stringify(before))
        wrong.push(`${routeKey(row)} without a CSRF token wrote rows: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
