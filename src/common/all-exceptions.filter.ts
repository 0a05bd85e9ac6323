import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from './database-unavailable';
import { sendErrorPage, isApiRequest } from './error-page';
import { plainInput } from './plain-input';
import { FormError, LoginRequiredError } from './errors';

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

/** Every error ends here: forms are shown again with messages, the rest become status pages; never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();

    if (exception instanceof FormError) {
      if (isApiRequest(request) || !request.formView) {
        response.status(exception.status).json({ statusCode: exception.status, errors: exception.errors });
        return;
      }
      response.status(exception.status).render(request.formView, { values: formValues(request.body), errors: exception.errors });
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
}
