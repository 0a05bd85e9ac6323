import { decryptSecret, deriveWrappingKey, encryptSecret } from './key-encryption';

describe('signing keys encrypted at rest', () => {
  const key = deriveWrappingKey('a session secret of at least thirty-two characters');

  it('round-trips and never stores the plain key', () => {
    const plain = Buffer.from('-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----');
    const stored = encryptSecret(plain, key);
    expect(stored).not.toContain('secret');
    expect(stored).not.toBe(encryptSecret(plain, key));
    expect(decryptSecret(stored, key).equals(plain)).toBe(true);
  });

  it('refuses a different secret and an altered text', () => {
    const stored = encryptSecret(Buffer.from('private'), key);
    expect(() => decryptSecret(stored, deriveWrappingKey('another secret'))).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('PRIVATE').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow();
  });
});
