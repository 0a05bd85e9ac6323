import type { Request, Response } from 'express';

const KNOWN_STATUSES = [400, 401, 403, 404, 405, 413, 422, 429, 500, 503];

export function isApiRequest(request: Request): boolean {
  return request.path.startsWith('/api/');
}

/** One place that turns an HTTP status into a page in the user's language, or JSON for /api/. */
export function sendErrorPage(request: Request, response: Response, status: number, messageKey?: string): void {
  if (response.headersSent) return;
  const code = KNOWN_STATUSES.includes(status) ? status : status >= 500 ? 500 : 400;
  response.status(status);
  if (isApiRequest(request)) {
    response.json({ statusCode: status, error: code });
    return;
  }
  response.render('errors/error', { status, titleKey: `errors.${code}.title`, messageKey: messageKey ?? `errors.${code}.message` });
}
