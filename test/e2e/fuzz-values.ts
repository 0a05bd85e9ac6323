import fc from 'fast-check';

/**
 * Hostile and random values for form fields and query parameters, and their
 * encoding the way a browser (or an attacker) sends them: url-encoded with
 * bracket names (`a[]=1&a[b][c]=2`, which the body parser turns into arrays
 * and objects) or as JSON.
 */
export type FuzzValue = string | FuzzValue[] | { [key: string]: FuzzValue };

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF',
  '\u202E',
  'é'.normalize('NFD'),
  '👩🏽‍⚕️',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '0',
  '-1',
  '1e1',
  '0x3',
  '+3',
  '3.0',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '1 OR 1=1',
  "'; DROP TABLE app_user; --",
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor}}',
  '../../etc/passwd',
  '%00',
  '%2e%2e/',
  '//evil.example/',
  '/\\evil.example',
  'javascript:alert(1)',
  'a@b',
  'x@example.org',
  '2026-02-30',
  '9999-99-99',
];

/** Strings only: for multipart fields and file names. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  // 100 KB: under the 200 KB body limit, far over every field's maximum.
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), 'é'.repeat(50_000), '\u0000'.repeat(1000)) },
);

const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', '0', 'length', 'q-x'),
  fc.string({ minLength: 1, maxLength: 8 }),
);

export const fuzzValue: fc.Arbitrary<FuzzValue> = fc.letrec<{ value: FuzzValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(key, tie('value'), { maxKeys: 3 }) },
  ),
})).value;

/** The fields of a form with random values; any field may be left out, and an unexpected one may be added. */
export function fuzzFields(names: string[]): fc.Arbitrary<Record<string, FuzzValue>> {
  const model = Object.fromEntries(names.map((name) => [name, fuzzValue]));
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'role', 'userId', 'id', 'isAdmin', '_csrf2', 'answers'), fuzzValue), {
        freq: 4,
      }),
    )
    .map(([fields, extra]) => {
      const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, FuzzValue] => entry[1] !== undefined));
      return extra ? { ...defined, [extra[0]]: extra[1] } : defined;
    });
}

function pairs(name: string, value: FuzzValue, out: [string, string][]): void {
  if (typeof value === 'string') out.push([name, value]);
  else if (Array.isArray(value)) value.forEach((item) => pairs(`${name}[]`, item, out));
  else for (const [inner, item] of Object.entries(value)) pairs(`${name}[${inner}]`, item, out);
}

/** url-encoded with bracket names, exactly as sent (the CSRF token appended when given). */
export function urlEncoded(fields: Record<string, FuzzValue>, csrf?: string): string {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(fields)) pairs(name, value, out);
  if (csrf) out.push(['_csrf', csrf]);
  // encodeURIComponent refuses lone surrogates: those go out as the (invalid) UTF-8 bytes a raw client can send.
  const encode = (text: string) =>
    Array.from(text)
      .map((char) => {
        const unit = char.charCodeAt(0);
        if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
          return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('');
        }
        return encodeURIComponent(char);
      })
      .join('');
  return out.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/** A stack trace, a driver error or a file path in a page means something leaked. */
export const LEAK =
  /\n\s+at [\w.<>$[\] ]+ \(|\bat (async )?[\w.]+ \([^)]*:\d+:\d+\)|node_modules|QueryFailedError|SQLITE_|TypeError:|ReferenceError:|\/src\/[\w/.-]+\.ts/;
