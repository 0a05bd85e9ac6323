import { withoutNul } from './text-input';

describe('withoutNul', () => {
  it('removes U+0000 from strings at any depth, keys included', () => {
    expect(withoutNul('a\u0000b')).toBe('ab');
    expect(withoutNul({ name: 'Ro\u0000sa', tags: ['x\u0000', 'y'], nested: { 'k\u0000ey': '\u0000' } })).toEqual({
      name: 'Rosa',
      tags: ['x', 'y'],
      nested: { key: '' },
    });
  });

  it('leaves other values and non-plain objects alone', () => {
    const date = new Date(0);
    const buffer = Buffer.from('a\u0000b');
    expect(withoutNul(42)).toBe(42);
    expect(withoutNul(null)).toBeNull();
    expect(withoutNul(date)).toBe(date);
    expect(withoutNul({ file: buffer }).file).toBe(buffer);
    expect(withoutNul('sin cambios')).toBe('sin cambios');
  });

  it('keeps a "__proto__" key as a plain field', () => {
    const cleaned = withoutNul(JSON.parse('{"__proto__": {"admin": true}, "a": "b\\u0000"}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect((cleaned as { admin?: boolean }).admin).toBeUndefined();
    expect(cleaned.a).toBe('b');
  });

  it('keeps objects without a prototype (the query parser makes them) without one', () => {
    const query = Object.assign(Object.create(null) as Record<string, string>, { q: 'a\u0000' });
    const cleaned = withoutNul(query);
    expect(Object.getPrototypeOf(cleaned)).toBeNull();
    expect(cleaned.q).toBe('a');
  });
});
