import type { Request, Response } from 'express';

/** The session cookie's name. */
export const SESSION_COOKIE = 'sid';

export function logIn(request: Request, user: Express.User): Promise<void> {
  const language = request.session.lang;
  return new Promise((resolve, reject) =>
    request.logIn(user, (error) => {
      if (error) return reject(error as Error);
      // Passport regenerates the session at login; keep the language the visitor chose.
      if (language) request.session.lang = language;
      resolve();
    }),
  );
}

/** Ends the session for good: the row is deleted, not just emptied. */
export async function logOut(request: Request, response: Response): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    request.logout({ keepSessionInfo: false }, (error) => (error ? reject(error as Error) : resolve())),
  );
  await new Promise<void>((resolve, reject) => request.session.destroy((error) => (error ? reject(error as Error) : resolve())));
  response.clearCookie(SESSION_COOKIE);
}

export function regenerateSession(request: Request): Promise<void> {
  const snapshot = { passport: (request.session as unknown as { passport?: unknown }).passport, lang: request.session.lang };
  return new Promise((resolve, reject) =>
    request.session.regenerate((error) => {
      if (error) return reject(error as Error);
      Object.assign(request.session, snapshot);
      resolve();
    }),
  );
}
