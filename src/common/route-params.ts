import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { isIdText } from './id.pipe';

/** A named route parameter as text, for code that runs outside a handler (form pages, error redirects). */
export function routeParam(request: Request, name: string): string {
  const value: unknown = request.params?.[name];
  return typeof value === 'string' ? value : '';
}

/** A route's id parameter read the way ParseIdPipe reads it: strict digits, or 404. */
export function routeId(request: Request, name = 'id'): number {
  const value = routeParam(request, name);
  if (!isIdText(value)) throw new NotFoundException();
  return Number(value);
}
