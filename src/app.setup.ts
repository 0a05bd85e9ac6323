import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { csrfSync } from 'csrf-sync';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import passport from 'passport';
import { DataSource } from 'typeorm';
import { SessionRecord } from './auth/session.entity';
import { DatabaseSessionStore } from './auth/database-session-store';
import { isDatabaseUnavailable } from './common/database-unavailable';
import { sendErrorPage } from './common/error-page';
import { PROJECT_ROOT } from './common/project-root';
import { requestLocals } from './common/request-locals.middleware';
import { registerPartials, registerViewHelpers } from './common/view-helpers';
import { AppConfig } from './config/app-config';

export const SESSION_COOKIE = 'sid';
export const BODY_LIMIT = '200kb';
const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const { generateToken, csrfSynchronisedProtection } = csrfSync({
  // Multipart forms (uploads) are parsed later by the route, so their token travels in the query string.
  getTokenFromRequest: (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
    const fromQuery = typeof request.query?._csrf === 'string' ? request.query._csrf : undefined;
    return fromBody ?? request.get('x-csrf-token') ?? fromQuery;
  },
});

function csrf(request: Request, response: Response, next: NextFunction): void {
  // Made on first use (when a page with a form renders), so health checks and
  // redirects never create a session just to hold a token nobody reads.
  Object.defineProperty(response.locals, 'csrfToken', { enumerable: true, configurable: true, get: () => generateToken(request) });
  csrfSynchronisedProtection(request, response, (error?: unknown) => {
    if (error) return next(error);
    // The token has done its job; validation must not see it as an unknown field.
    const body = request.body as Record<string, unknown> | undefined;
    if (body && '_csrf' in body) delete body._csrf;
    next();
  });
}

/** Errors raised by Express middleware (body size, malformed body, CSRF) get the same pages as the app's own. */
function middlewareErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) return next(error);
  // The session store failing to read or write (disk full, read-only, server down) is the same 503 as in the app.
  if (isDatabaseUnavailable(error)) return sendErrorPage(request, response, 503, 'errors.databaseUnavailable');
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode ?? 500;
  sendErrorPage(request, response, status, status === 403 ? 'errors.csrf' : undefined);
}

/** The whole HTTP pipeline, shared by main.ts and the test app so tests exercise exactly what runs in production. */
export function configureApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  registerViewHelpers();
  registerPartials(join(PROJECT_ROOT, 'views', 'partials'));
  app.setBaseViewsDir(join(PROJECT_ROOT, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          mediaSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          ...(config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      hsts: config.production,
      frameguard: { action: 'deny' },
    }),
  );
  app.useStaticAssets(join(PROJECT_ROOT, 'public'), { prefix: '/static/', maxAge: '7d' });
  app.use(cookieParser());
  app.use(
    session({
      store: new DatabaseSessionStore(app.get(DataSource).getRepository(SessionRecord)),
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: config.trustProxy,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.production, maxAge: SESSION_MAX_AGE_MS },
    }),
  );
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(requestLocals);
  app.use(express.urlencoded({ extended: true, limit: BODY_LIMIT, parameterLimit: 2000 }));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(csrf);
  app.use(middlewareErrors);
  return app;
}
