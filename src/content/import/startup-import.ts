import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { ContentImportService } from './content-import.service';
import { summariseImport } from './import-summary';

/**
 * Startup step: imports the content folder. A refused course is logged with
 * its problems and skipped; nothing here stops the server from starting.
 */
export async function importContentAtStartup(app: INestApplicationContext, contentDir: string): Promise<void> {
  const logger = new Logger('Content');
  if (!existsSync(contentDir)) {
    logger.warn(`Content folder ${contentDir} does not exist; no courses imported`);
    return;
  }
  try {
    const results = await app.get(ContentImportService).importFolder(contentDir);
    const { lines, warnings } = summariseImport(results);
    for (const line of lines) logger.log(line);
    for (const line of warnings) logger.warn(line);
  } catch (error) {
    logger.error(`Content import failed; the courses already imported stay live: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
