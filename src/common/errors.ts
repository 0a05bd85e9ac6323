import { HttpStatus } from '@nestjs/common';

export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, MessageRef[]>;

/**
 * What kind of "no" a feature's rule said; the one exception filter turns the kind into the HTTP answer:
 * - refused: the action is not possible now (no attempts left, wrong kind of file): 403, or a flash on the page the route names;
 * - notFound: nothing to act on: 404;
 * - conflict: the data changed or clashes (someone saved first, already enrolled elsewhere): 409;
 * - form: the user can fix what they sent: 422, the form again with the input and the messages.
 */
export type ErrorKind = 'refused' | 'notFound' | 'conflict' | 'form';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  refused: HttpStatus.FORBIDDEN,
  notFound: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  form: HttpStatus.UNPROCESSABLE_ENTITY,
};

/**
 * A feature's error: its kind and a message in translation-key form. Features throw it; controllers
 * never catch it to translate it: `AllExceptionsFilter` answers with the route's form view, its
 * redirect (see error-pages.ts) or a status page.
 */
export class DomainError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly messageRef: MessageRef,
    /** Overrides the kind's status (e.g. 429 for a throttled form). */
    private readonly statusOverride?: number,
  ) {
    super(`${kind}: ${messageRef.key}`);
  }

  get status(): number {
    return this.statusOverride ?? STATUS_OF_KIND[this.kind];
  }

  /** Messages per field for the form ('_form' for the whole form). */
  get fieldErrors(): FieldErrors {
    return { _form: [this.messageRef] };
  }
}

/**
 * A problem the user can fix in the form they sent: the page is shown again
 * with their input and a message per field ('_form' for the whole form).
 */
export class FormError extends DomainError {
  constructor(
    public readonly errors: FieldErrors,
    status: number = HttpStatus.UNPROCESSABLE_ENTITY,
  ) {
    super('form', Object.values(errors)[0]?.[0] ?? { key: 'errors.422.message' }, status);
    this.message = `Form error: ${Object.keys(errors).join(', ')}`;
  }

  static field(field: string, key: string, params?: MessageRef['params'], status?: number): FormError {
    return new FormError({ [field]: [{ key, params }] }, status);
  }

  /** A limit refused the attempt: 429 with the form's message, and `Retry-After` saying when to try again. */
  static throttled(key: string, retryAfterSeconds: number): FormError {
    const error = new FormError({ _form: [{ key }] }, HttpStatus.TOO_MANY_REQUESTS);
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  /** Seconds until a throttled attempt may be made again (sent as `Retry-After`). */
  retryAfterSeconds?: number;

  override get fieldErrors(): FieldErrors {
    return this.errors;
  }
}

/** Signed-out visitor on a page that needs an account: sent to the login page. */
export class LoginRequiredError extends Error {}
