import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from './database-unavailable';
import { sendErrorPage, isApiRequest } from './error-page';
import { answerFor, FormViewRule, RedirectRule } from './error-pages';
import { plainInput } from './plain-input';
import { DomainError, FormError, LoginRequiredError } from './errors';
import { flash } from './flash';

const SECRET_FIELDS = ['password', 'passwordConfirmation', 'currentPassword', 'newPassword', '_csrf'];

function formValues(raw: unknown): Record<string, unknown> {
  // Multipart bodies arrive after the body middleware: made plain here too before the form shows them again.
  const body = plainInput(raw);
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => !SECRET_FIELDS.includes(key)));
}

/** A feature may throw e.g. new ForbiddenException('users.admin.ownRole') to explain the refusal. */
function translationKeyOf(exception: HttpException): string | undefined {
  const message = exception.message;
  return /^[a-z]+\.[\w.]+$/.test(message) ? message : undefined;
}

/** PostgreSQL refusing text it cannot store (a NUL that reached a query some other way): the request's fault, not the site's. */
function isUnstorableText(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === '22021' || code === '22P05';
}

/**
 * Every error ends here, and only here: a feature's DomainError is answered by its kind and the route's
 * declared error pages (error-pages.ts: the form again, or a flash after a redirect), the rest become
 * status pages (JSON under /api/); never a stack trace.
 */
@Injectable()
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly moduleRef: ModuleRef) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();

    if (exception instanceof DomainError) {
      if (exception instanceof FormError && exception.retryAfterSeconds)
        response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      this.domainError(exception, request, response).catch((failure: unknown) => {
        // Building the form's page failed (e.g. the cohort is gone): that error is answered on its own, without the form.
        request.errorPages = undefined;
        this.catch(failure, host);
      });
      return;
    }
    if (exception instanceof LoginRequiredError) {
      if (isApiRequest(request)) return sendErrorPage(request, response, 401);
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(303, `/auth/login${next}`);
      return;
    }
    if (exception instanceof HttpException) {
      sendErrorPage(request, response, exception.getStatus(), translationKeyOf(exception));
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      // Disk full, read-only file, server down: nothing was saved; the site answers again when the fault clears.
      this.logger.error(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      response.setHeader('Retry-After', '30');
      sendErrorPage(request, response, 503, 'errors.databaseUnavailable');
      return;
    }
    if (isUnstorableText(exception)) {
      sendErrorPage(request, response, 400);
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    sendErrorPage(request, response, 500);
  }

  private async domainError(error: DomainError, request: Request, response: Response): Promise<void> {
    if (response.headersSent) return;
    const answer = answerFor(error, request.errorPages, isApiRequest(request));
    if (answer.as === 'json') {
      response.status(error.status).json({ statusCode: error.status, errors: error.fieldErrors });
    } else if (answer.as === 'form') {
      await this.renderForm(answer.rule, error, request, response);
    } else if (answer.as === 'redirect') {
      this.redirect(answer.rule, error, request, response);
    } else {
      sendErrorPage(request, response, answer.status, answer.messageKey);
    }
  }

  private async renderForm(rule: FormViewRule, error: DomainError, request: Request, response: Response): Promise<void> {
    const model = rule.page ? await this.moduleRef.get(rule.page, { strict: false }).model(request, error) : { locals: {} };
    if (response.headersSent) return;
    const locals = { values: formValues(request.body), errors: error.fieldErrors, ...model.locals };
    response.status(error.status).render(model.view ?? rule.view, locals);
  }

  private redirect(rule: RedirectRule, error: DomainError, request: Request, response: Response): void {
    const { key, params } = error.messageRef;
    flash(request, 'error', rule.reword?.[key] ?? key, params);
    response.redirect(303, rule.to(request));
  }
}
