import { HttpStatus } from '@nestjs/common';

export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, MessageRef[]>;

/**
 * A problem the user can fix in the form they sent: the page is shown again
 * with their input and a message per field ('_form' for the whole form).
 */
export class FormError extends Error {
  constructor(
    public readonly errors: FieldErrors,
    public readonly status: number = HttpStatus.UNPROCESSABLE_ENTITY,
  ) {
    super(`Form error: ${Object.keys(errors).join(', ')}`);
  }

  static field(field: string, key: string, params?: MessageRef['params'], status?: number): FormError {
    return new FormError({ [field]: [{ key, params }] }, status);
  }
}

/** Signed-out visitor on a page that needs an account: sent to the login page. */
export class LoginRequiredError extends Error {}
