import { join } from 'node:path';
import { parse as parseQueryString } from 'node:querystring';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { csrfSync } from 'csrf-sync';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import passport from 'passport';
import { DataSource } from 'typeorm';
import { SessionRecord } from './sessions/session.entity';
import { DatabaseSessionStore } from './sessions/database-session-store';
import { SESSION_COOKIE } from './sessions/request-session';
import { isDatabaseUnavailable } from './common/database-unavailable';
import { plainInput } from './common/plain-input';
import { sendErrorPage } from './common/error-page';
import { isValidVisitorToken, isVisitorNonce, newVisitorNonce, VISITOR_CSRF_COOKIE, visitorToken } from './common/visitor-csrf';
import { PROJECT_ROOT } from './config/project-root';
import { requestLocals } from './common/request-locals.middleware';
import { requestLogger } from './common/request-log';
import { registerAssetHelper, STATIC_PREFIX } from './common/static-assets';
import { withoutNul } from './common/text-input';
import { registerPartials, registerViewHelpers } from './common/view-helpers';
import { AppConfig } from './config/app-config';
import { HEALTH_PATH } from './health/health.controller';

export const BODY_LIMIT = '200kb';
const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const { generateToken, getTokenFromState, csrfSynchronisedProtection, getTokenFromRequest, invalidCsrfTokenError } = csrfSync({
  // Never from the address: a token in a URL ends up in history and server logs.
  getTokenFromRequest: (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    return typeof body?._csrf === 'string' ? body._csrf : request.get('x-csrf-token');
  },
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A session that is already stored (signed in, or holding a synchroniser token) uses the synchroniser token. */
function hasStoredSession(request: Request): boolean {
  return !!request.user || typeof request.session?.csrfToken === 'string';
}

/** The same check as below, for a token the upload route reads from the multipart body itself. */
function tokenPasses(config: AppConfig, request: Request, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0) return false;
  if (typeof request.session?.csrfToken === 'string') return token === getTokenFromState(request);
  const cookies = request.cookies as Record<string, unknown> | undefined;
  return isValidVisitorToken(config.sessionSecret, cookies?.[VISITOR_CSRF_COOKIE], token);
}

/**
 * Synchroniser tokens for sessions, signed double-submit tokens for visitors:
 * a visitor's page view thus writes nothing to the database, and a refused
 * cross-site POST creates no session (so it cannot replace the user's cookie).
 * Tokens are made on first use, when a page with a form renders.
 */
function csrfProtection(config: AppConfig) {
  return function csrf(request: Request, response: Response, next: NextFunction): void {
    let visitorFormToken: string | undefined;
    const visitorTokenForPage = (): string => {
      if (visitorFormToken) return visitorFormToken;
      const cookies = request.cookies as Record<string, unknown> | undefined;
      let nonce = cookies?.[VISITOR_CSRF_COOKIE];
      if (!isVisitorNonce(nonce)) {
        nonce = newVisitorNonce();
        response.cookie(VISITOR_CSRF_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: config.production, path: '/' });
      }
      visitorFormToken = visitorToken(config.sessionSecret, nonce as string);
      return visitorFormToken;
    };
    Object.defineProperty(response.locals, 'csrfToken', {
      enumerable: true,
      configurable: true,
      get: () => (hasStoredSession(request) ? generateToken(request) : visitorTokenForPage()),
    });
    const done = (error?: unknown): void => {
      if (error) return next(error);
      // The token has done its job; validation must not see it as an unknown field.
      const body = request.body as Record<string, unknown> | undefined;
      if (body && '_csrf' in body) delete body._csrf;
      next();
    };
    if (SAFE_METHODS.has(request.method)) return done();
    // Multipart forms (uploads) are read later by their route: the token is the body's first field and is checked
    // there before the file is stored (common/multipart-csrf.ts); MultipartCsrfGuard refuses any other multipart POST.
    if (request.is('multipart/form-data')) {
      request.csrfCheck = (token: unknown) => tokenPasses(config, request, token);
      return next();
    }
    if (typeof request.session?.csrfToken === 'string') return csrfSynchronisedProtection(request, response, done);
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const valid = isValidVisitorToken(config.sessionSecret, cookies?.[VISITOR_CSRF_COOKIE], getTokenFromRequest(request));
    done(valid ? undefined : invalidCsrfTokenError);
  };
}

/** U+0000 never reaches the app (PostgreSQL cannot store it): removed from parsed bodies here, from query and route parameters by the ValidationPipe. */
function stripNul(request: Request, _response: Response, next: NextFunction): void {
  if (request.body && typeof request.body === 'object') request.body = withoutNul(request.body as unknown);
  next();
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
  registerAssetHelper(join(PROJECT_ROOT, 'public'));
  registerPartials(join(PROJECT_ROOT, 'views', 'partials'));
  app.setBaseViewsDir(join(PROJECT_ROOT, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  // Compiled templates are kept in every mode (Express does so only in production): views change only with a release.
  app.set('view cache', true);
  app.disable('x-powered-by');
  if (config.logFormat === 'json') app.use(requestLogger((line) => process.stdout.write(`${line}\n`)));
  if (config.trustProxy) app.set('trust proxy', 1);
  // Express 5's "simple" query parser, minus U+0000.
  app.set('query parser', (text: string) => withoutNul(parseQueryString(text)));

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
  // Text (pages, CSS, SVG) compressed with Brotli or gzip as the client accepts; small bodies are left alone.
  app.use(compression({ threshold: 1024 }));
  // Asset URLs carry a content hash (see the `asset` view helper), so they can be cached for a year.
  app.useStaticAssets(join(PROJECT_ROOT, 'public'), { prefix: STATIC_PREFIX, maxAge: '365d', immutable: true });
  app.use(cookieParser());
  const sessions = session({
    store: new DatabaseSessionStore(app.get(DataSource).getRepository(SessionRecord)),
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.production, maxAge: SESSION_MAX_AGE_MS },
  });
  const passportSession = passport.session();
  // The health check reads no session: a signed-in cookie during an outage must still get its 503 JSON.
  const unlessHealth =
    (middleware: express.RequestHandler): express.RequestHandler =>
    (request, response, next) =>
      request.path === HEALTH_PATH ? next() : middleware(request, response, next);
  app.use(unlessHealth(sessions));
  app.use(passport.initialize());
  app.use(unlessHealth(passportSession));
  app.use(requestLocals);
  app.use(express.urlencoded({ extended: true, limit: BODY_LIMIT, parameterLimit: 2000 }));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use((request: Request, _response: Response, next: NextFunction) => {
    request.body = plainInput(request.body);
    next();
  });
  app.use(stripNul);
  app.use(csrfProtection(config));
  app.use(middlewareErrors);
  return app;
}
