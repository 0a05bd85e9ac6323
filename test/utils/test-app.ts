import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import passport from 'passport';
import request from 'supertest';
import { LocalStrategy } from '../../src/auth/local.strategy';
import { createApp, prepareData } from '../../src/app.bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  server: Server;
  /** A second instance on the same database, as behind a load balancer (or after a restart). */
  anotherInstance(): Promise<TestInstance>;
  close(): Promise<void>;
}

export interface TestInstance {
  app: NestExpressApplication;
  server: Server;
  close(): Promise<void>;
}

async function startInstance(config: AppConfig): Promise<TestInstance> {
  const app = await createApp(config, { logger: ['error'] });
  await prepareData(app, config);
  await app.init();
  return { app, server: app.getHttpServer() as Server, close: () => app.close() };
}

/** The real app (same configureApp as main.ts) on a fresh database with migrations applied. */
export async function createTestApp(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ SEED_DEMO: 'false', ...env }),
    database: database.config,
    seedDemo: false,
    importContentOnStart: false,
    ...overrides,
  };
  const first = await startInstance(config);
  const others: TestInstance[] = [];
  return {
    app: first.app,
    config,
    server: first.server,
    anotherInstance: async () => {
      const instance = await startInstance(config);
      others.push(instance);
      // Passport keeps strategies in one process-wide registry (production runs one app per process):
      // once the extra instance is closed, hand the login strategy back to the first app.
      return {
        ...instance,
        close: async () => {
          await instance.close();
          passport.use(first.app.get(LocalStrategy));
        },
      };
    },
    close: async () => {
      for (const instance of [...others, first]) await instance.close().catch(() => undefined);
      await database.drop();
    },
  };
}

/** The CSRF token of the page a browser would have loaded before posting. */
export function csrfTokenFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1];
}

export type Agent = ReturnType<typeof request.agent>;

export async function csrfToken(agent: Agent, path = '/'): Promise<string> {
  const page = await agent.get(path);
  return csrfTokenFrom(page.text);
}

/** Posts a form the way a browser does: load the page for its token, then submit. */
export async function submitForm(agent: Agent, pagePath: string, actionPath: string, fields: Record<string, string | string[]>) {
  const token = await csrfToken(agent, pagePath);
  return agent
    .post(actionPath)
    .type('form')
    .send({ ...fields, _csrf: token });
}
