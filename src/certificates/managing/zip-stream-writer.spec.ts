import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { ZipStreamWriter } from './zip-stream-writer';

describe('ZipStreamWriter', () => {
  it('writes a zip that a standard reader opens, with UTF-8 names and exact contents', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ZipStreamWriter(output);
    const first = Buffer.from('%PDF-1.7 first');
    const second = Buffer.alloc(200_000, 7);
    await writer.add('Núñez-7K3Q.pdf', first, new Date(2026, 4, 12, 10, 30));
    await writer.add('Pérez-ABCD.pdf', second, new Date(2026, 4, 12, 10, 30));
    await writer.finish();
    const zip = await JSZip.loadAsync(Buffer.concat(chunks));
    expect(Object.keys(zip.files)).toEqual(['Núñez-7K3Q.pdf', 'Pérez-ABCD.pdf']);
    expect((await zip.file('Núñez-7K3Q.pdf')!.async('nodebuffer')).equals(first)).toBe(true);
    expect((await zip.file('Pérez-ABCD.pdf')!.async('nodebuffer')).equals(second)).toBe(true);
    expect(zip.files['Núñez-7K3Q.pdf'].date.getFullYear()).toBe(2026);
  });
});
