import { plainInput } from './plain-input';

describe('plainInput', () => {
  it('drops keys that name Object.prototype members, at every depth', () => {
    const parsed = JSON.parse(
      '{"name":{"toString":"x"},"endsOn":[{"constructor":"y"}],"__proto__":{"admin":true},"a":{"b":{"valueOf":"z","ok":"1"}}}',
    ) as unknown;
    expect(plainInput(parsed)).toEqual({ name: {}, endsOn: [{}], a: { b: { ok: '1' } } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('replaces lone surrogates, keeps pairs', () => {
    expect(plainInput({ emails: 'a\uD800b', name: ['\uDFFF', '👩🏽'] })).toEqual({ emails: 'a\uFFFDb', name: ['\uFFFD', '👩🏽'] });
  });

  it('keeps ordinary values as they are', () => {
    const body = { email: 'a@b.org', countries: ['SV', 'GT'], answers: { 'q-b1': ['a', 'b'] }, empty: '' };
    expect(plainInput(body)).toEqual(body);
    expect(plainInput('text')).toBe('text');
    expect(plainInput(undefined)).toBeUndefined();
  });
});
