import { createCourseLinkResolver, interpretRelativeHref } from './links';

describe('interpretRelativeHref', () => {
  it.each([
    ['02-indicadores.md', { kind: 'module', key: '02-indicadores', withLanguage: false }],
    ['./02-indicadores.md#parte', { kind: 'module', key: '02-indicadores', withLanguage: false }],
    ['02-indicadores.es.md', { kind: 'module', key: '02-indicadores', withLanguage: true }],
    ['media/ruta.png', { kind: 'media', path: 'media/ruta.png' }],
    ['media/ruta%20final.png', { kind: 'media', path: 'media/ruta final.png' }],
    ['media/sub/a.pdf', { kind: 'media', path: 'media/sub/a.pdf' }],
    ['media/../course.md', { kind: 'other' }],
    ['media/', { kind: 'other' }],
    ['../otro/01-a.md', { kind: 'other' }],
    ['/admin', { kind: 'other' }],
    ['notas.txt', { kind: 'other' }],
    ['#seccion', { kind: 'other' }],
  ])('%s', (href, expected) => {
    expect(interpretRelativeHref(href)).toEqual(expected);
  });
});

describe('createCourseLinkResolver', () => {
  it('turns module and media links into course URLs', () => {
    const resolve = createCourseLinkResolver('trata');
    expect(resolve('02-indicadores.md')).toBe('/courses/trata/modules/02-indicadores');
    expect(resolve('media/ruta%20final.png')).toBe('/courses/trata/media/ruta%20final.png');
    expect(resolve('https://x.example')).toBeNull();
  });

  it('refuses links to modules and media that the course does not have', () => {
    const resolve = createCourseLinkResolver('trata', { moduleKeys: new Set(['01-a']), mediaFiles: new Set(['media/a.png']) });
    expect(resolve('01-a.md')).toBe('/courses/trata/modules/01-a');
    expect(resolve('02-b.md')).toBeNull();
    expect(resolve('media/a.png')).toBe('/courses/trata/media/a.png');
    expect(resolve('media/b.png')).toBeNull();
  });
});
