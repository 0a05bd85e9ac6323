import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, prepareData } from '../app.bootstrap';
import { loadConfig } from '../config/app-config';
import { ContentImportService } from '../content/import/content-import.service';
import { summariseImport } from '../content/import/import-summary';

/**
 * npm run content:import [-- <dir>] [-- --force]
 * Imports every course folder of <dir> (default CONTENT_DIR, ./content). A
 * folder unchanged since its last import is skipped, so edits made in the
 * browser stay; --force compares it file by file and brings the database in
 * line with the folder. Exits with 1 when a course was refused.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  const config = { ...loadConfig(process.env), seedDemo: false, importContentOnStart: false };
  const dir = positionals[0] ? (isAbsolute(positionals[0]) ? positionals[0] : resolve(process.cwd(), positionals[0])) : config.contentDir;
  if (!existsSync(dir)) {
    console.error(`No such folder: ${dir}`);
    process.exit(2);
  }
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await prepareData(app, config);
  const results = await app.get(ContentImportService).importFolder(dir, { force: values.force });
  await app.close();
  const { lines, warnings } = summariseImport(results);
  for (const line of lines) console.log(line);
  for (const line of warnings) console.error(line);
  process.exit(results.some((result) => result.status === 'invalid' || result.status === 'failed') ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
