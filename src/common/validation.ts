import { ArgumentMetadata, NotFoundException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrors, FormError } from './errors';
import { withoutNul } from './text-input';

/** class-validator constraint names become translation keys: validation.isEmail, validation.minLength... */
export function fieldErrorsFrom(errors: ValidationError[], parent = ''): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.includes('whitelistValidation')) {
      (result._form ??= []).push({ key: 'validation.unknownField', params: { field } });
      continue;
    }
    if (names.length) {
      const name = names[0];
      const params: Record<string, string | number> = { field };
      const numbers = constraints[name].match(/\d+/);
      if (numbers) params.limit = Number(numbers[0]);
      result[field] = [{ key: `validation.${name}`, params }];
    }
    if (error.children?.length) Object.assign(result, fieldErrorsFrom(error.children, field));
  }
  return result;
}

/**
 * The global pipe validates bodies and queries through DTOs, after removing
 * U+0000 from them (bodies lose it earlier too, in app.setup.ts). Route
 * parameters are left as the raw text: ids go through ParseIdPipe, which must
 * see "3.0" or "0x3" as written (an implicit conversion to a number would
 * accept them); one holding U+0000 names nothing, so it is a 404.
 */
class AppValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') {
      if (typeof value === 'string' && value.includes('\u0000')) throw new NotFoundException();
      return Promise.resolve(value);
    }
    return super.transform(withoutNul(value), metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new FormError(fieldErrorsFrom(errors)),
  });
}
