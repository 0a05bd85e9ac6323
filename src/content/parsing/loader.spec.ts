import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFolder, UnsafeSymlinkError } from './loader';

describe('loadFolder', () => {
  let sandbox: string;
  let course: string;

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'content-loader-'));
    course = join(sandbox, 'curso');
    mkdirSync(join(course, 'media', 'fotos'), { recursive: true });
    writeFileSync(join(course, 'course.md'), '---\ntitle: á\n---\n');
    writeFileSync(join(course, 'media', 'fotos', 'a.png'), Buffer.from([0x89, 0x50]));
  });

  afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

  it('reads Markdown as text and everything else as bytes, with / separated relative paths', async () => {
    const files = await loadFolder(course);
    expect([...files.keys()]).toEqual(['course.md', 'media/fotos/a.png']);
    expect(files.get('course.md')).toBe('---\ntitle: á\n---\n');
    expect(Buffer.isBuffer(files.get('media/fotos/a.png'))).toBe(true);
  });

  it('skips dotfiles and dot-folders', async () => {
    writeFileSync(join(course, '.DS_Store'), 'x');
    mkdirSync(join(course, '.git'));
    writeFileSync(join(course, '.git', 'HEAD'), 'x');
    expect([...(await loadFolder(course)).keys()]).toEqual(['course.md', 'media/fotos/a.png']);
  });

  it('returns Markdown that is not UTF-8 as bytes so the parser can report it', async () => {
    writeFileSync(join(course, '01-a.es.md'), Buffer.from([0x61, 0xe1, 0x0a])); // "á" in Latin-1
    expect(Buffer.isBuffer((await loadFolder(course)).get('01-a.es.md'))).toBe(true);
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    symlinkSync(join(course, 'media', 'fotos', 'a.png'), join(course, 'media', 'b.png'));
    expect((await loadFolder(course)).get('media/b.png')).toEqual(Buffer.from([0x89, 0x50]));
  });

  it('refuses a symbolic link that leads outside the folder', async () => {
    writeFileSync(join(sandbox, 'secret.txt'), 'password');
    symlinkSync(join(sandbox, 'secret.txt'), join(course, 'media', 'secret.png'));
    await expect(loadFolder(course)).rejects.toBeInstanceOf(UnsafeSymlinkError);
  });

  it('refuses a relative symbolic link that climbs out', async () => {
    writeFileSync(join(sandbox, 'secret.txt'), 'password');
    symlinkSync('../../secret.txt', join(course, 'media', 'h.png'));
    await expect(loadFolder(course)).rejects.toThrow('media/h.png is a symbolic link to a place outside the folder');
  });

  it('does not follow links to folders, which could loop', async () => {
    symlinkSync(course, join(course, 'media', 'loop'));
    expect([...(await loadFolder(course)).keys()]).toEqual(['course.md', 'media/fotos/a.png']);
  });
});
