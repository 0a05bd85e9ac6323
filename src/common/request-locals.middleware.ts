import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/i18n';

export const LANGUAGE_COOKIE = 'lang';

/** Picks the interface language: the account's preference, then this visit's choice, then the remembered cookie. */
export function resolveLanguage(request: Request): string {
  const candidates = [
    request.user?.preferredLanguage,
    request.session?.lang,
    (request.cookies as Record<string, string> | undefined)?.[LANGUAGE_COOKIE],
  ];
  return candidates.find(isLanguage) ?? DEFAULT_LANGUAGE;
}

/** What every page needs: language, the signed-in user, pending flash messages, the current path. */
export function requestLocals(request: Request, response: Response, next: NextFunction): void {
  const lang = resolveLanguage(request);
  request.lang = lang;
  const user = request.user as (Express.User & { name?: string }) | undefined;
  Object.assign(response.locals, {
    lang,
    currentUser: user ? { id: user.id, name: user.name, role: user.role } : null,
    isAdmin: user?.role === 'admin',
    isStaff: !!user && user.role !== 'learner',
    canAuthor: user?.role === 'facilitator' || user?.role === 'admin',
    currentPath: request.originalUrl,
    flash: request.session?.flash ?? [],
  });
  if (request.session?.flash) delete request.session.flash;
  next();
}
