import { safeLocalPath } from './safe-redirect';

describe('safeLocalPath', () => {
  it.each(['/profile', '/courses/x?page=2', '/a#b'])('keeps the local path %s', (path) => {
    expect(safeLocalPath(path)).toBe(path);
  });

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\nhttps://evil.example',
    '',
    undefined,
    42,
  ])('falls back for %p', (candidate) => {
    expect(safeLocalPath(candidate, '/home')).toBe('/home');
  });
});
