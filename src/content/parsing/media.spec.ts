import { checkMediaFile, MAX_MEDIA_BYTES } from './media';

function codes(path: string, content: string | Buffer): string[] {
  return checkMediaFile(`c/${path}`, path, content).map((problem) => problem.code);
}

describe('checkMediaFile', () => {
  it('accepts allowed types up to exactly 5 MB, whatever the case of the extension', () => {
    expect(codes('media/a.PNG', Buffer.alloc(MAX_MEDIA_BYTES, 1))).toEqual([]);
    expect(codes('media/guia.pdf', Buffer.from('%PDF-1.4'))).toEqual([]);
  });

  it('refuses files over 5 MB and says how large they are', () => {
    const [problem] = checkMediaFile('c/media/v.mp4', 'media/v.mp4', Buffer.alloc(MAX_MEDIA_BYTES + 1));
    expect(problem).toMatchObject({ code: 'media.too-large', line: 1, params: { sizeMb: 5, maxMb: 5 } });
  });

  it('refuses other types and empty files', () => {
    expect(codes('media/a.exe', Buffer.from('MZ'))).toEqual(['media.bad-extension']);
    expect(codes('media/sin-extension', Buffer.from('x'))).toEqual(['media.bad-extension']);
    expect(codes('media/a.png', Buffer.alloc(0))).toEqual(['media.empty']);
  });

  it.each([
    '<svg><script>alert(1)</script></svg>',
    '<svg onload="alert(1)"></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><foreignObject><iframe/></foreignObject></svg>',
  ])('refuses SVG with active content: %s', (svg) => {
    expect(codes('media/d.svg', svg)).toEqual(['media.unsafe-svg']);
  });

  it('accepts a plain SVG drawing', () => {
    expect(codes('media/d.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4" fill="blue"/></svg>')).toEqual([]);
  });
});
