import type { SessionData } from 'express-session';
import { sessionUserId } from './database-session-store';

describe('sessionUserId', () => {
  const session = (extra: object) => ({ cookie: { originalMaxAge: null }, ...extra }) as unknown as SessionData;

  it('reads the user id Passport stored', () => {
    expect(sessionUserId(session({ passport: { user: 42 } }))).toBe(42);
  });

  it('is null for visitors and for anything that is not a whole number', () => {
    expect(sessionUserId(session({ lang: 'en' }))).toBeNull();
    expect(sessionUserId(session({ passport: {} }))).toBeNull();
    expect(sessionUserId(session({ passport: { user: '42' } }))).toBeNull();
    expect(sessionUserId(session({ passport: { user: 4.2 } }))).toBeNull();
  });
});
