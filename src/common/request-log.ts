import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface RequestLogLine {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  requestId: string;
  userId: number | null;
  method: string;
  /** The route's pattern (/courses/:slug), never the URL itself: paths and query strings can carry tokens and emails. */
  route: string;
  status: number;
  durationMs: number;
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Pure: the log line of one finished request. */
export function requestLogLine(request: Request, status: number, durationMs: number, requestId: string, now: Date): RequestLogLine {
  const user = request.user as { id?: unknown } | undefined;
  return {
    time: now.toISOString(),
    level: status >= 500 ? 'error' : status >= 400 && status !== 404 ? 'warn' : 'info',
    msg: 'request',
    requestId,
    userId: typeof user?.id === 'number' ? user.id : null,
    method: request.method,
    route: routePattern(request),
    status,
    durationMs: Math.round(durationMs * 10) / 10,
  };
}

function routePattern(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return route.path;
  if (request.path.startsWith('/static/')) return '/static/*';
  return '(no route)';
}

/**
 * One JSON line per request (production, LOG_FORMAT=json): request id (taken
 * from the proxy's X-Request-Id when it looks like one, else made here, and
 * sent back), user id, method, route pattern, status and duration. Nothing
 * from the body, query, cookies or headers, so no passwords, tokens or
 * personal data reach the log.
 */
export function requestLogger(write: (line: string) => void): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = request.get('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    let written = false;
    const done = () => {
      if (written) return;
      written = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // A request the client abandoned before the answer left is logged with status 499, as nginx does.
      const status = response.writableFinished ? response.statusCode : 499;
      write(JSON.stringify(requestLogLine(request, status, durationMs, requestId, new Date())));
    };
    response.on('finish', done);
    response.on('close', done);
    next();
  };
}
