import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FormError } from './errors';
import { fieldErrorsFrom } from './validation';

/**
 * The global ValidationPipe's rules, run inside a handler: for forms whose page
 * needs data from the database when shown again (course and facilitator lists,
 * the cohort list), so the handler can catch the FormError and render it itself.
 * Such handlers take `@Body() body: Record<string, unknown>`, which the pipe leaves alone.
 */
export async function validateForm<T extends object>(dto: ClassConstructor<T>, body: unknown): Promise<T> {
  const instance = plainToInstance(dto, typeof body === 'object' && body !== null ? body : {});
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
  });
  if (errors.length) throw new FormError(fieldErrorsFrom(errors));
  return instance;
}

/** The user's input to show again in a form: never the CSRF token. */
export function echoValues(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== '_csrf'));
}
