import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'aprende-proteccion/credential-signing-key/v1';
const SALT = 'aprende-proteccion';

/** The 256-bit key that encrypts signing keys at rest, derived (HKDF-SHA256) from CREDENTIAL_KEY or SESSION_SECRET. */
export function deriveWrappingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from(SALT), Buffer.from(INFO), 32));
}

/** AES-256-GCM; "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptSecret(plain: Buffer, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws when the key is wrong or the text was altered. */
export function decryptSecret(text: string, key: Buffer): Buffer {
  const [version, iv, tag, ciphertext] = text.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown encrypted key format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
}
