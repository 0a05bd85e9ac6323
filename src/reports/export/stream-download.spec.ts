import { contentDisposition } from './stream-download';

describe('contentDisposition', () => {
  it('gives an ASCII name and the UTF-8 name for attachments', () => {
    expect(contentDisposition('lista-participantes-2026-03-01.csv')).toBe(
      `attachment; filename="lista-participantes-2026-03-01.csv"; filename*=UTF-8''lista-participantes-2026-03-01.csv`,
    );
    expect(contentDisposition('résumé "x".csv')).toBe(
      `attachment; filename="resume x.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22x%22.csv`,
    );
  });
});
