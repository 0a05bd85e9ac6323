// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/g;

/**
 * Input without U+0000. PostgreSQL cannot store it in text ("invalid byte
 * sequence") and no form has a use for it, so it is removed once, from every
 * body, query and route parameter, before anything reads them. Strings are
 * cleaned in plain objects and arrays at any depth, keys included.
 */
export function withoutNul<T>(value: T): T {
  return clean(value, 0) as T;
}

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replace(NUL, '') : value;
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const result: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  // defineProperty: a "__proto__" key (JSON bodies may have one) stays a plain own field.
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(result, clean(key, depth) as string, {
      value: clean(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
