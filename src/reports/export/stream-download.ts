import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { PreparedDownload } from '../roster/roster.service';

const logger = new Logger('Downloads');

/** Attachment name safe in a header: ASCII fallback plus the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Streams a prepared file to the response: personal data is never cached
 * (no-store). A failure after the first byte can only cut the download short.
 */
export async function streamDownload(response: Response, file: PreparedDownload): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', contentDisposition(file.fileName));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    await file.write(response);
    if (!response.writableEnded) response.end();
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (!response.headersSent) throw error;
    response.destroy(error instanceof Error ? error : undefined);
  }
}
