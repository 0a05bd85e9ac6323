import { safeLocalPath } from './safe-redirect';

describe('safeLocalPath', () => {
  it.each(['/profile', '/courses/x?page=2', '/a#b'])('keeps the local path %s', (path) => {
    expect(safeLocalPath(path)).toBe(path);
  });

  it('normalises dot segments that stay on the site', () => {
    expect(safeLocalPath('/courses/./x/../y')).toBe('/courses/y');
    expect(safeLocalPath('/%2e/profile')).toBe('/profile');
  });

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\nhttps://evil.example',
    // Dot segments and backslashes that normalise to "//evil.example/" (issue #13, item 5).
    '/.//evil.example/',
    '/..//evil.example/',
    '/%2e//evil.example/',
    '/%2E%2E//evil.example/',
    '/./\\evil.example/',
    '/a/../..//evil.example',
    '/\u0000//evil.example',
    '',
    undefined,
    42,
  ])('falls back for %p', (candidate) => {
    expect(safeLocalPath(candidate, '/home')).toBe('/home');
  });
});
