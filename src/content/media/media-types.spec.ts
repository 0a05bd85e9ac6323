import { contentDisposition, contentTypeFor, isNotModified, mediaResponseHeaders } from './media-types';
import { mediaUrl } from './media-paths';

const file = (path: string) => ({ path, contentType: contentTypeFor(path), sha256: 'abc', size: 10 });

describe('media response headers', () => {
  it('shows images, audio, video and PDF in place, with nosniff and a content-hash ETag', () => {
    for (const path of ['media/a.png', 'media/b.JPG', 'media/c.mp3', 'media/d.mp4', 'media/e.pdf']) {
      const headers = mediaResponseHeaders(file(path));
      expect(headers['Content-Disposition']).toBeUndefined();
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers.ETag).toBe('"abc"');
      expect(headers['Cache-Control']).toMatch(/^private/);
    }
    expect(contentTypeFor('media/b.JPG')).toBe('image/jpeg');
  });

  it('downloads office documents and unknown types instead of showing them', () => {
    expect(mediaResponseHeaders(file('media/guia.docx'))['Content-Disposition']).toMatch(/^attachment; filename="guia.docx"/);
    expect(mediaResponseHeaders(file('media/raro.html'))).toMatchObject({ 'Content-Type': 'application/octet-stream', 'Content-Disposition': expect.stringMatching(/^attachment/) });
  });

  it('gives SVG a policy that forbids scripts', () => {
    expect(mediaResponseHeaders(file('media/mapa.svg'))['Content-Security-Policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  });

  it('keeps accented file names readable and safe in Content-Disposition', () => {
    expect(contentDisposition('attachment', 'guía "rápida".docx')).toBe(`attachment; filename="guia_rapida_.docx"; filename*=UTF-8''gu%C3%ADa%20%22r%C3%A1pida%22.docx`);
  });

  it('answers 304 only for the current ETag', () => {
    expect(isNotModified('"abc"', '"abc"')).toBe(true);
    expect(isNotModified('W/"abc", "zzz"', '"abc"')).toBe(true);
    expect(isNotModified('"old"', '"abc"')).toBe(false);
    expect(isNotModified(undefined, '"abc"')).toBe(false);
  });

  it('builds media addresses with each segment encoded', () => {
    expect(mediaUrl('trata', 'media/mapas/ruta de referencia.png')).toBe('/courses/trata/media/mapas/ruta%20de%20referencia.png');
  });
});
