import fc from 'fast-check';
import type { Response } from 'supertest';
import { Cast, createCast, createWorld, Persona, PERSONAS, rowCounts, Scene, Signed } from '../utils/access-world';
import { createTestApp, TestApp } from '../utils/test-app';
import { RouteRow, ROUTES } from './access-matrix';
import { routeKey, stage } from './access-runner';
import { FuzzValue, fuzzFields, hostileString, LEAK, urlEncoded } from './fuzz-values';

/**
 * Property-based fuzzing of every form and query parameter of every route in
 * the access matrix, as the person the route is meant for: random and hostile
 * values (NUL, lone surrogates, 100 KB strings, arrays, nested objects,
 * __proto__, numbers as strings, empty) in url-encoded and JSON bodies.
 * Never a 500, never a stack trace, nothing written when the request is refused.
 *
 * Budget: FUZZ_RUNS cases per route (default 4, part of `npm test`);
 * a long run: FUZZ_RUNS=2000 npx jest test/e2e/fuzz.e2e-spec.ts --selectProjects e2e
 * (FUZZ_SEED=<n> replays a run; the seed of a failure is printed).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const REFUSED = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429];

/** A failure in a few lines (the values may hold 100 KB strings): the seed and path replay it, the cause says what broke. */
function shortReport<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const example = fc
    .stringify(details.counterexample)
    .replace(/(.)\1{40,}/g, (run, char: string) => `${char}…×${run.length}`)
    .slice(0, 1500);
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`FUZZ_SEED=${details.seed} (path ${details.counterexamplePath}) fails with ${example}\n${cause.slice(0, 1500)}`);
}

/** The person the route is for: the first the matrix lets through, so the values reach validation and the rules. */
function intendedPersona(row: RouteRow): Persona {
  return PERSONAS.find((persona) => row.expect[persona] === 'ok') ?? PERSONAS.find((persona) => row.expect[persona] === 422) ?? 'admin';
}

describe('fuzzing every form and query parameter', () => {
  let testApp: TestApp;
  let cast: Cast;
  let world: Scene;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp.app);
    world = await createWorld(testApp.app, cast);
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  async function sendFuzzed(
    row: RouteRow,
    signed: Signed,
    url: string,
    fields: Record<string, FuzzValue>,
    json: boolean,
  ): Promise<Response> {
    if (row.method === 'GET') return signed.agent.get(`${url}?${urlEncoded(fields)}`);
    if (row.upload) {
      const name = typeof fields.name === 'string' ? fields.name : row.upload.name;
      const content = typeof fields.content === 'string' ? fields.content : row.upload.content;
      return signed.agent
        .post(`${url}?_csrf=${encodeURIComponent(signed.csrf)}`)
        .attach(row.upload.field, Buffer.from(content), name || 'x');
    }
    if (json)
      return signed.agent
        .post(url)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...fields, _csrf: signed.csrf }));
    return signed.agent.post(url).set('Content-Type', 'application/x-www-form-urlencoded').send(urlEncoded(fields, signed.csrf));
  }

  it.each(ROUTES.map((row) => [routeKey(row), row] as const))(
    '%s',
    async (_key, row) => {
      const persona = intendedPersona(row);
      const { signed, scene, kit } = await stage(testApp.app, row, persona, cast, world);
      const url = await row.url(scene, kit);
      const names = row.upload
        ? ['name', 'content']
        : Object.keys(row.method === 'GET' ? (row.query ?? {}) : ((await row.form?.(scene, kit)) ?? {}));
      const arbitrary = row.upload
        ? (fc.record({ name: hostileString, content: hostileString }, { requiredKeys: [] }) as fc.Arbitrary<Record<string, FuzzValue>>)
        : fuzzFields(names.length ? names : ['x']);
      // Routes without inputs still get unexpected ones, with a smaller budget.
      const runs = names.length ? RUNS : Math.max(1, Math.ceil(RUNS / 4));
      await fc.assert(
        fc.asyncProperty(arbitrary, fc.boolean(), async (fields, json) => {
          const before = await rowCounts(testApp.app);
          const response = await sendFuzzed(row, signed, url, fields, json && row.method === 'POST');
          const detail = `${row.method} ${url} as ${persona} -> ${response.status}`;
          if (response.status >= 500) throw new Error(`${detail}\n${response.text.slice(0, 500)}`);
          if (LEAK.test(response.text ?? '')) throw new Error(`${detail}: the page shows internals: ${LEAK.exec(response.text)?.[0]}`);
          if (REFUSED.includes(response.status)) {
            const after = await rowCounts(testApp.app);
            if (JSON.stringify(after) !== JSON.stringify(before))
              throw new Error(`${detail}: refused, yet rows changed ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
          }
        }),
        { numRuns: runs, seed: SEED, endOnFailure: RUNS > 50, reporter: shortReport },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    },
    600_000,
  );
});
