import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'supertest';
import { Cast, createScene, freshSigned, Kit, Persona, Scene, Signed, visitor } from '../utils/access-world';
import type { Fields, Outcome, RouteRow } from './access-matrix';

/** What the app serves, read from the Express router at run time: 'GET /cohorts/:id', ... */
export function routesServed(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: unknown[] }; _router?: { stack: unknown[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Set<string>();
  for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) routes.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return [...routes].sort();
}

export const routeKey = (row: Pick<RouteRow, 'method' | 'path'>) => `${row.method} ${row.path}`;

/** Whether an answer is the expected outcome. */
export function matches(expected: Outcome, response: Pick<Response, 'status' | 'headers'>): boolean {
  const location = String(response.headers.location ?? '');
  const toLogin = response.status >= 300 && response.status < 400 && location.startsWith('/auth/login');
  if (expected === 'login') return toLogin;
  if (expected === 'ok') return response.status >= 200 && response.status < 400 && !toLogin;
  return response.status === expected;
}

export function describeAnswer(response: Pick<Response, 'status' | 'headers'>): string {
  const location = response.headers.location ? ` -> ${String(response.headers.location)}` : '';
  return `${response.status}${location}`;
}

/** The persona, scene and kit a row is played with: shared ones, or fresh ones when the row changes things. */
export async function stage(
  app: NestExpressApplication,
  row: RouteRow,
  persona: Persona,
  cast: Cast,
  world: Scene,
): Promise<{ signed: Signed; scene: Scene; kit: Kit }> {
  let actors = cast;
  // A person the row refuses changes nothing (the test would say so): the shared cast and scene will do.
  const fresh = ['login', 401, 403, 404].includes(row.expect[persona]) ? undefined : row.fresh;
  if (fresh === 'cast') actors = { ...cast, [persona]: await freshSigned(app, persona) };
  // A signed-out visitor who posts may sign in or register: a new browser each time.
  else if (persona === 'visitor' && row.method === 'POST') actors = { ...cast, visitor: await visitor(app) };
  const scene = fresh ? await createScene(app, actors) : world;
  return { signed: actors[persona], scene, kit: new Kit(app, actors) };
}

/** Sends one request of a row as the signed persona; `fields` replaces the row's form (fuzzing), `csrf: false` leaves the token out. */
export async function send(
  row: RouteRow,
  signed: Signed,
  url: string,
  fields: Fields | undefined,
  options: { csrf?: boolean; query?: Fields } = {},
): Promise<Response> {
  const token = options.csrf === false ? undefined : signed.csrf;
  if (row.method === 'GET') return signed.agent.get(url).query(options.query ?? row.query ?? {});
  if (row.upload) {
    // The token is the first field of the body, before the file, as the app's upload forms send it.
    let pending = signed.agent.post(url);
    if (token) pending = pending.field('_csrf', token);
    pending = pending.attach(row.upload.field, Buffer.from(row.upload.content), row.upload.name);
    for (const [name, value] of Object.entries(fields ?? {})) pending = pending.field(name, value);
    return pending;
  }
  return signed.agent
    .post(url)
    .type('form')
    .send({ ...(fields ?? {}), ...(token ? { _csrf: token } : {}) });
}
