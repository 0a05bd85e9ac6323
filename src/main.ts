import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { createApp, prepareData } from './app.bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

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
  // On SIGTERM: stop accepting connections, let the requests in flight finish, then close the database and exit 0.
  app.enableShutdownHooks([...SHUTDOWN_SIGNALS], { useProcessExit: true });
  await prepareData(app, config);
  await app.listen(config.port);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000; // longer than a proxy's idle timeout (nginx keepalive_timeout 60s), so the proxy closes first
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, () => boundShutdown(server, config.shutdownTimeoutMs, signal));
  new Logger('Startup').log(`Listening on ${config.publicUrl} (database: ${config.database.kind})`);
}

/** Requests still running after the timeout are cut, so the instance always goes away in bounded time. */
function boundShutdown(server: Server, timeoutMs: number, signal: string): void {
  const logger = new Logger('Shutdown');
  logger.log(`${signal}: finishing requests in flight (at most ${timeoutMs} ms)`);
  setTimeout(() => {
    logger.warn('Requests still running at the shutdown timeout: closing their connections');
    server.closeAllConnections();
  }, timeoutMs).unref();
  setTimeout(() => process.exit(1), timeoutMs + 10_000).unref();
}

void main();
