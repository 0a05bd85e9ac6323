import { randomBytes } from 'node:crypto';

/** Crockford base32: digits and letters without I, L, O and U, so a code read from paper is typed right. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 28 symbols of 5 bits = 140 random bits (the floor is 128). */
export const CODE_LENGTH = 28;
const GROUP = 4;

/** A new public code, canonical form (28 symbols, no dashes). */
export function newPublicCode(random: (size: number) => Buffer = randomBytes): string {
  // 256 is a multiple of 32, so taking the low 5 bits of each byte keeps every symbol equally likely.
  return [...random(CODE_LENGTH)].map((byte) => CROCKFORD_ALPHABET[byte & 31]).join('');
}

/** "7K3QABCD…" → "7K3Q-ABCD-…": how the code is printed and linked. */
export function formatPublicCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/**
 * What a person typed → the canonical code, or null when it cannot be one. Case, dashes and
 * spaces do not matter; O is read as 0 and I/L as 1, as Crockford's decoding rules say.
 */
export function normalisePublicCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_LENGTH) return null;
  return [...cleaned].every((symbol) => CROCKFORD_ALPHABET.includes(symbol)) ? cleaned : null;
}
