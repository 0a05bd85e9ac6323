import JSZip from 'jszip';
import { readCourseZip, unsafeZipPath, writeCourseZip, ZipRefusedError } from './course-zip';

async function zipOf(entries: Record<string, string | Buffer>, options: { symlink?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  // createFolders: false writes the names exactly as given, the way a hostile tool would.
  for (const [name, content] of Object.entries(entries)) zip.file(name, content, { createFolders: false });
  if (options.symlink) zip.file(options.symlink, '/etc/passwd', { unixPermissions: 0o120777 });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

async function refusal(promise: Promise<unknown>): Promise<ZipRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZipRefusedError) return error;
    throw error;
  }
  throw new Error('The zip was accepted');
}

describe('readCourseZip', () => {
  it('reads a course zipped inside its folder and strips the folder name', async () => {
    const zip = await zipOf({ 'curso-a/course.md': 'settings', 'curso-a/01-uno.es.md': 'uno', 'curso-a/media/a.png': Buffer.from([1, 2, 3]) });
    const result = await readCourseZip(zip);
    expect(result.folderName).toBe('curso-a');
    expect([...result.files.keys()].sort()).toEqual(['01-uno.es.md', 'course.md', 'media/a.png']);
    expect(result.files.get('media/a.png')).toEqual(Buffer.from([1, 2, 3]));
  });

  it('reads a course zipped from inside the folder and ignores files the system adds', async () => {
    const result = await readCourseZip(await zipOf({ 'course.md': 'x', '__MACOSX/._course.md': 'junk', '.DS_Store': 'junk' }));
    expect(result.folderName).toBeNull();
    expect([...result.files.keys()]).toEqual(['course.md']);
  });

  it.each(['../evil.md', 'curso/../../evil.md', '/etc/evil.md', 'C:/evil.md', 'media\\..\\evil.md'])('refuses the path %s', async (name) => {
    const error = await refusal(readCourseZip(await zipOf({ 'course.md': 'x', [name]: 'evil' })));
    expect(error.code).toBe('unsafe-path');
    expect(error.params.path).toBe(name);
  });

  it('refuses symbolic links', async () => {
    const error = await refusal(readCourseZip(await zipOf({ 'course.md': 'x' }, { symlink: 'media/link.png' })));
    expect(error.code).toBe('symlink');
  });

  it('refuses too many files', async () => {
    const entries = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`media/${i}.png`, 'x']));
    const error = await refusal(readCourseZip(await zipOf(entries), { maxEntries: 5, maxEntryBytes: 1000, maxTotalBytes: 1000 }));
    expect(error.code).toBe('too-many-files');
  });

  it('stops inflating a file that grows past the limit (zip bomb)', async () => {
    const bomb = await zipOf({ 'course.md': 'x', 'media/bomb.png': Buffer.alloc(2 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20 * 1024);
    const error = await refusal(readCourseZip(bomb, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 }));
    expect(error.code).toBe('file-too-large');
  });

  it('refuses more uncompressed bytes in total than allowed', async () => {
    const zip = await zipOf({ 'course.md': 'x', 'media/a.png': Buffer.alloc(600_000), 'media/b.png': Buffer.alloc(600_000) });
    const error = await refusal(readCourseZip(zip, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 }));
    expect(error.code).toBe('too-large');
  });

  it('refuses what is not a zip', async () => {
    expect((await refusal(readCourseZip(Buffer.from('not a zip')))).code).toBe('unreadable');
  });

  it('reads back exactly what writeCourseZip wrote', async () => {
    const files = new Map<string, string | Buffer>([['course.md', 'ajustes ñ'], ['media/a.png', Buffer.from([0, 255, 7])]]);
    const result = await readCourseZip(await writeCourseZip('curso-a', files));
    expect(result.folderName).toBe('curso-a');
    expect(result.files.get('course.md')?.toString()).toBe('ajustes ñ');
    expect(result.files.get('media/a.png')).toEqual(Buffer.from([0, 255, 7]));
  });
});

describe('unsafeZipPath', () => {
  it('accepts plain relative paths', () => {
    expect(unsafeZipPath('curso/media/ruta de referencia.png')).toBeNull();
    expect(unsafeZipPath('curso/media/')).toBeNull();
  });
});
