import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secret-token';

describe('secret tokens', () => {
  it('are random, URL-safe and stored only as their hash', () => {
    const a = newSecretToken();
    const b = newSecretToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeSecretToken(a.token)).toBe(true);
    expect(a.hash).toBe(hashSecretToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });

  it('rejects values that cannot be one of our tokens', () => {
    expect(looksLikeSecretToken('short')).toBe(false);
    expect(looksLikeSecretToken(`${'a'.repeat(42)}/`)).toBe(false);
    expect(looksLikeSecretToken(undefined)).toBe(false);
  });
});
