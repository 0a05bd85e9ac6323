import { ExecutionContext, SetMetadata, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, FormError } from './errors';

/** What a form's page shows again after an error, besides the user's input and the messages; `view` replaces the declared one. */
export interface FormPageModel {
  view?: string;
  locals: Record<string, unknown>;
}

/**
 * The data a form's page needs when it is shown again (the course list, the cohort, the editor's problem list...):
 * an injectable of the feature, asked by the exception filter only when an error happened. It reads what it needs
 * from the request (route parameters, body, user), so it also serves errors the ValidationPipe raises before the handler runs.
 */
export interface FormPage {
  model(request: Request, error: DomainError): Promise<FormPageModel> | FormPageModel;
}

export interface FormViewRule {
  view: string;
  page?: Type<FormPage>;
}

export interface RedirectRule {
  /** Where the flash message is shown (from the route's parameters and body). */
  to: (request: Request) => string;
  /** The same refusal worded for this page: message key -> key. */
  reword?: Record<string, string>;
}

/** How a route shows the errors its feature raises (set on the request by the AccessGuard, read by AllExceptionsFilter). */
export interface ErrorPages {
  form?: FormViewRule;
  redirect?: RedirectRule;
}

const FORM_VIEW_KEY = 'form-view';
const ERROR_REDIRECT_KEY = 'error-redirect';

/** The view a POST handler shows again, with the user's input and messages, on a 'form' or 'conflict' error (validation included). */
export const FormView = (view: string, page?: Type<FormPage>) => SetMetadata(FORM_VIEW_KEY, { view, page } satisfies FormViewRule);

/** A refusal (an error with one message, not a form's field messages) becomes a flash on the page `to` names, after a 303. */
export const RedirectOnError = (to: RedirectRule['to'], reword?: RedirectRule['reword']) =>
  SetMetadata(ERROR_REDIRECT_KEY, { to, reword } satisfies RedirectRule);

export function errorPagesOf(reflector: Reflector, handler: ReturnType<ExecutionContext['getHandler']>): ErrorPages {
  return {
    form: reflector.get<FormViewRule | undefined>(FORM_VIEW_KEY, handler),
    redirect: reflector.get<RedirectRule | undefined>(ERROR_REDIRECT_KEY, handler),
  };
}

/** How a feature's error is answered; pure, so the whole table is unit-tested (all-exceptions.filter.spec.ts). */
export type ErrorAnswer =
  | { as: 'json' }
  | { as: 'form'; rule: FormViewRule }
  | { as: 'redirect'; rule: RedirectRule }
  | { as: 'status'; status: number; messageKey: string };

/**
 * - /api/: JSON with the field messages;
 * - a form error (validation, field messages) needs the route's form view, else JSON as the API does;
 * - 'refused': the route's redirect, else its form view, else a 403 page with the message;
 * - 'form' and 'conflict': the form view, else the redirect, else a 422/409 page;
 * - 'notFound': always the 404 page.
 */
export function answerFor(error: DomainError, pages: ErrorPages | undefined, api: boolean): ErrorAnswer {
  if (api) return { as: 'json' };
  const form = pages?.form ? ({ as: 'form', rule: pages.form } as const) : null;
  const redirect = pages?.redirect ? ({ as: 'redirect', rule: pages.redirect } as const) : null;
  const status = { as: 'status', status: error.status, messageKey: error.messageRef.key } as const;
  if (error instanceof FormError) return form ?? { as: 'json' };
  if (error.kind === 'notFound') return status;
  if (error.kind === 'refused') return redirect ?? form ?? status;
  return form ?? redirect ?? status;
}
