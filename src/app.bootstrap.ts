import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig } from './config/app-config';
import { seedDemoEditors } from './content/authoring/demo-editors';
import { importContentAtStartup } from './content/import/startup-import';
import { seedDemoCohorts } from './cohorts/demo-cohorts';
import { demoAccount, seedDemoAccounts } from './seed/demo-accounts';
import { UsersService } from './users/users.service';

/** Creates the app with the shared pipeline; used by main.ts, the CLI commands and the tests. */
export async function createApp(
  config: AppConfig,
  options: { logger?: false | ('log' | 'error' | 'warn')[] } = {},
): Promise<NestExpressApplication> {
  if (config.database.kind === 'sqlite' && config.database.path !== ':memory:')
    mkdirSync(dirname(config.database.path), { recursive: true });
  const levels: LogLevel[] | false = options.logger ?? ['log', 'error', 'warn'];
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    // LOG_FORMAT=json (production): application logs as JSON lines too, beside the request lines of app.setup.ts.
    logger: levels && config.logFormat === 'json' ? new ConsoleLogger({ json: true, logLevels: levels }) : levels,
  });
  configureApp(app, config);
  return app;
}

/** Everything `npm start` does before listening: migrations, content import, demo data. */
export async function prepareData(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const logger = new Logger('Startup');
  const applied = await app.get(DataSource).runMigrations({ transaction: 'each' });
  if (applied.length) logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  if (config.importContentOnStart) await importContentAtStartup(app, config.contentDir);
  if (config.seedDemo) await seedDemoAccounts(app.get(UsersService));
  if (config.seedDemo) await seedDemoCohorts(app);
  if (config.seedDemo) await seedDemoEditors(app, demoAccount('facilitator').email);
}
