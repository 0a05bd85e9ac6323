import { ArgumentsHost, Injectable, NotFoundException } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { answerFor, ErrorPages, FormPage } from './error-pages';
import { DomainError, ErrorKind, FormError } from './errors';

const refused = new DomainError('refused', { key: 'x.refused' });
const conflict = new DomainError('conflict', { key: 'x.conflict' });
const fixable = new DomainError('form', { key: 'x.form' });
const missing = new DomainError('notFound', { key: 'x.missing' });
const invalid = FormError.field('email', 'validation.isEmail');

const form: ErrorPages = { form: { view: 'the/form' } };
const redirect: ErrorPages = { redirect: { to: () => '/back' } };
const both: ErrorPages = { ...form, ...redirect };

describe('answerFor: how each kind of error is answered', () => {
  it.each<[ErrorKind, number]>([
    ['refused', 403],
    ['notFound', 404],
    ['conflict', 409],
    ['form', 422],
  ])('a %s error without declared pages is a %i page with its message', (kind, status) => {
    expect(answerFor(new DomainError(kind, { key: 'x.y' }), undefined, false)).toEqual({ as: 'status', status, messageKey: 'x.y' });
  });

  it('answers /api/ with JSON whatever the route declares', () => {
    for (const error of [refused, conflict, fixable, missing, invalid]) expect(answerFor(error, both, true)).toEqual({ as: 'json' });
  });

  it('shows a validation error on the form view, else as JSON (it has field messages, not one message to flash)', () => {
    expect(answerFor(invalid, both, false)).toEqual({ as: 'form', rule: form.form });
    expect(answerFor(invalid, redirect, false)).toEqual({ as: 'json' });
    expect(answerFor(invalid, undefined, false)).toEqual({ as: 'json' });
  });

  it('sends a refusal to the redirect first, then to the form', () => {
    expect(answerFor(refused, both, false)).toEqual({ as: 'redirect', rule: redirect.redirect });
    expect(answerFor(refused, form, false)).toEqual({ as: 'form', rule: form.form });
  });

  it('shows form and conflict errors on the form first, then as a flash', () => {
    for (const error of [fixable, conflict]) {
      expect(answerFor(error, both, false)).toEqual({ as: 'form', rule: form.form });
      expect(answerFor(error, redirect, false)).toEqual({ as: 'redirect', rule: redirect.redirect });
    }
  });

  it('never shows a form for something that does not exist', () => {
    expect(answerFor(missing, both, false)).toEqual({ as: 'status', status: 404, messageKey: 'x.missing' });
  });

  it('keeps a form error status given by the feature (429 for a throttled form)', () => {
    expect(FormError.field('_form', 'auth.login.throttled', undefined, 429).status).toBe(429);
    expect(answerFor(FormError.field('_form', 'k', undefined, 429), undefined, false)).toEqual({ as: 'json' });
  });
});

@Injectable()
class CoursePage implements FormPage {
  model(request: Request, error: DomainError) {
    if (error.kind === 'conflict') throw new NotFoundException();
    return { locals: { courses: ['a'], slug: request.params.slug }, view: error.kind === 'form' ? undefined : 'other/view' };
  }
}

function run(error: unknown, pages: ErrorPages | undefined, body: Record<string, unknown> = {}) {
  const request = {
    path: '/courses/x',
    method: 'POST',
    originalUrl: '/courses/x',
    params: { slug: 'x' },
    body,
    errorPages: pages,
    session: {},
  };
  const calls: { status?: number; render?: [string, Record<string, unknown>]; redirect?: [number, string]; json?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      calls.status = code;
      return this;
    },
    render(view: string, locals: Record<string, unknown>) {
      calls.render = [view, locals];
    },
    redirect(code: number, to: string) {
      calls.redirect = [code, to];
    },
    json(value: unknown) {
      calls.json = value;
    },
    setHeader() {},
  };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  const moduleRef = { get: () => new CoursePage() } as unknown as ModuleRef;
  new AllExceptionsFilter(moduleRef).catch(error, host);
  return { calls, request: request as unknown as Request & { session: { flash?: unknown[] } } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("AllExceptionsFilter with a route's declared error pages", () => {
  it('renders the form view with the input (no secrets), the field messages and the page data, status from the error', async () => {
    const { calls } = run(invalid, { form: { view: 'the/form', page: CoursePage } }, { email: 'no', password: 'secret', _csrf: 't' });
    await settle();
    expect(calls.status).toBe(422);
    expect(calls.render).toEqual([
      'the/form',
      { values: { email: 'no' }, errors: { email: [{ key: 'validation.isEmail', params: undefined }] }, courses: ['a'], slug: 'x' },
    ]);
  });

  it('lets the page choose another view, and shows a domain error as the form-wide message', async () => {
    const { calls } = run(refused, { form: { view: 'the/form', page: CoursePage } });
    await settle();
    expect(calls.status).toBe(403);
    expect(calls.render?.[0]).toBe('other/view');
    expect(calls.render?.[1].errors).toEqual({ _form: [{ key: 'x.refused' }] });
  });

  it('answers an error raised while building the page on its own (here a 404), without the form', async () => {
    const { calls } = run(conflict, { form: { view: 'the/form', page: CoursePage } });
    await settle();
    expect(calls.status).toBe(404);
    expect(calls.render?.[0]).toBe('errors/error');
  });

  it('flashes a refusal (reworded for the page when asked) and redirects with 303', async () => {
    const error = new DomainError('refused', { key: 'enrolments.refused.full', params: { n: 1 } });
    const { calls, request } = run(error, {
      redirect: { to: (r) => `/back/${r.params.slug}`, reword: { 'enrolments.refused.full': 'staff.full' } },
    });
    await settle();
    expect(calls.redirect).toEqual([303, '/back/x']);
    expect(request.session.flash).toEqual([{ kind: 'error', message: { key: 'staff.full', params: { n: 1 } } }]);
  });

  it('renders a status page with the message when the route declares nothing', async () => {
    const { calls } = run(conflict, undefined);
    await settle();
    expect(calls.status).toBe(409);
    expect(calls.render).toEqual(['errors/error', expect.objectContaining({ status: 409, messageKey: 'x.conflict' })]);
  });
});
