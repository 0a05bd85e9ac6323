import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DEFAULT_LANGUAGE } from '../i18n/i18n';

/** The request's interface language, as the requestLocals middleware chose it (Spanish before it ran). */
export function requestLanguage(request: Request): string {
  return request.lang ?? DEFAULT_LANGUAGE;
}

/** `@Lang() lang: string`: the interface language of this request, for handlers. */
export const Lang = createParamDecorator((_data: unknown, ctx: ExecutionContext): string =>
  requestLanguage(ctx.switchToHttp().getRequest<Request>()),
);
