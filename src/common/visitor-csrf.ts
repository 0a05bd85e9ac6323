import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF for visitors without a session: a signed double-submit token. The
 * browser holds a random nonce in an HttpOnly cookie and the form carries an
 * HMAC of it under the server's secret, so a page view by a visitor writes no
 * session row while a cross-site form still cannot forge the token.
 */
export const VISITOR_CSRF_COOKIE = 'vcsrf';

const NONCE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function newVisitorNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function isVisitorNonce(value: unknown): value is string {
  return typeof value === 'string' && NONCE_PATTERN.test(value);
}

export function visitorToken(secret: string, nonce: string): string {
  return 'v.' + createHmac('sha256', secret).update(`csrf-visitor:${nonce}`).digest('base64url');
}

export function isValidVisitorToken(secret: string, nonce: unknown, token: unknown): boolean {
  if (!isVisitorNonce(nonce) || typeof token !== 'string') return false;
  const expected = Buffer.from(visitorToken(secret, nonce));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
