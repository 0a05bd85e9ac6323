import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength, registerDecorator, ValidationArguments } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-hasher';

/** A password being chosen: the one length rule for registration, invitations, set-password links and changes. */
export const NewPassword = () => applyDecorators(IsString(), MinLength(PASSWORD_MIN_LENGTH), MaxLength(PASSWORD_MAX_LENGTH));

/**
 * The "repeat the password" field equals the named one. Checked with the other
 * fields, so every form reports it the same way (validation.matchesPassword).
 */
export function MatchesPassword(passwordField: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'matchesPassword',
      target: target.constructor,
      propertyName,
      constraints: [passwordField],
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && value === (args.object as Record<string, unknown>)[passwordField],
      },
    });
}
