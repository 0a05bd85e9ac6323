import { CODE_LENGTH, CROCKFORD_ALPHABET, formatPublicCode, newPublicCode, normalisePublicCode } from './public-code';

describe('public certificate codes', () => {
  it('carries at least 128 random bits in symbols without I, L, O or U', () => {
    expect(CODE_LENGTH * Math.log2(CROCKFORD_ALPHABET.length)).toBeGreaterThanOrEqual(128);
    const code = newPublicCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);
    expect(new Set(Array.from({ length: 200 }, () => newPublicCode())).size).toBe(200);
  });

  it('uses every symbol of the alphabet', () => {
    const code = newPublicCode(() => Buffer.from(Array.from({ length: CODE_LENGTH }, (_, index) => index + 32 * 3)));
    expect(code).toBe(CROCKFORD_ALPHABET.slice(0, CODE_LENGTH));
  });

  it('prints in groups of four', () => {
    expect(formatPublicCode('7K3QABCDEFGHJKMN0123456789WX')).toBe('7K3Q-ABCD-EFGH-JKMN-0123-4567-89WX');
  });

  it('reads typed codes case-insensitively, with or without dashes or spaces, O as 0 and I/L as 1', () => {
    const code = '7K3QABCDEFGHJKMN0123456789WX';
    expect(normalisePublicCode('7k3q-abcd-efgh-jkmn-0123-4567-89wx')).toBe(code);
    expect(normalisePublicCode(' 7K3Q ABCD EFGH JKMN O123 4567 89WX ')).toBe(code);
    expect(normalisePublicCode('7K3QABCDEFGHJKMN0I23456789WX')).toBe(code.replace('01', '01'));
    expect(normalisePublicCode('7K3QABCDEFGHJKMN0l23456789WX')).toBe('7K3QABCDEFGHJKMN0123456789WX');
  });

  it('refuses anything else', () => {
    expect(normalisePublicCode('')).toBeNull();
    expect(normalisePublicCode('7K3Q-ABCD')).toBeNull();
    expect(normalisePublicCode('UK3QABCDEFGHJKMN0123456789WX')).toBeNull();
    expect(normalisePublicCode('7K3QABCDEFGHJKMN0123456789WX1')).toBeNull();
    expect(normalisePublicCode('<script>alert(1)</script>')).toBeNull();
  });
});
