import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import request from 'supertest';
import { createApp, prepareData } from '../../src/app.bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  server: Server;
  close(): Promise<void>;
}

/** The real app (same configureApp as main.ts) on a fresh database with migrations applied. */
export async function createTestApp(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config: AppConfig = { ...loadConfig({ SEED_DEMO: 'false', ...env }), database: database.config, seedDemo: false, ...overrides };
  const app = await createApp(config, { logger: ['error'] });
  await prepareData(app, config);
  await app.init();
  return {
    app,
    config,
    server: app.getHttpServer() as Server,
    close: async () => {
      await app.close();
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
  return agent.post(actionPath).type('form').send({ ...fields, _csrf: token });
}
