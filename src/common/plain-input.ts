/** Names no form field or JSON key may take: members of Object.prototype (__proto__, constructor, toString...) and `prototype`. */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Form and JSON input as plain data: keys that name Object.prototype members
 * are dropped at every depth. `a[constructor]=x` or `name[toString]=x` would
 * otherwise reach class-transformer and the templates as objects that break
 * them (a 500 instead of "this field is not valid"), or pollute prototypes.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function plainInput(value: unknown): unknown {
  // A lone surrogate is no character (validator's isEmail throws URIError on it): it becomes U+FFFD.
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD');
  if (Array.isArray(value)) return value.map(plainInput);
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!RESERVED.has(key)) plain[key] = plainInput(item);
  }
  return plain;
}
