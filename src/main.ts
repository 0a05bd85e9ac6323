import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, prepareData } from './app.bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  app.enableShutdownHooks();
  await prepareData(app, config);
  await app.listen(config.port);
  new Logger('Startup').log(`Listening on ${config.publicUrl} (database: ${config.database.kind})`);
}

void main();
