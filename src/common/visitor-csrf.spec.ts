import { isValidVisitorToken, isVisitorNonce, newVisitorNonce, visitorToken } from './visitor-csrf';

describe('visitor CSRF tokens', () => {
  const secret = 'a-secret-of-enough-length-for-the-test-0123456789';

  it('accepts the token made for the nonce in the cookie', () => {
    const nonce = newVisitorNonce();
    expect(isVisitorNonce(nonce)).toBe(true);
    expect(isValidVisitorToken(secret, nonce, visitorToken(secret, nonce))).toBe(true);
  });

  it('refuses a token made for another nonce, under another secret, or altered', () => {
    const nonce = newVisitorNonce();
    const token = visitorToken(secret, nonce);
    expect(isValidVisitorToken(secret, newVisitorNonce(), token)).toBe(false);
    expect(isValidVisitorToken('another-secret-of-enough-length-0123456789', nonce, token)).toBe(false);
    expect(isValidVisitorToken(secret, nonce, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBe(false);
  });

  it('refuses missing or malformed values', () => {
    const nonce = newVisitorNonce();
    expect(isValidVisitorToken(secret, undefined, visitorToken(secret, nonce))).toBe(false);
    expect(isValidVisitorToken(secret, nonce, undefined)).toBe(false);
    expect(isValidVisitorToken(secret, 'short', visitorToken(secret, 'short'))).toBe(false);
    expect(isValidVisitorToken(secret, nonce, ['array'])).toBe(false);
  });
});
