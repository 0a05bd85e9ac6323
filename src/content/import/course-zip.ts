import JSZip from 'jszip';
import type { ContentFiles } from '../parsing/content.types';

/** Limits for an uploaded course zip; generous for real courses, tight enough to stop a zip bomb. */
export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one file (media files are capped at 5 MB by the checker; this only stops bombs). */
  maxEntryBytes: number;
  /** Uncompressed bytes of all files together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 300, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024 };

export type ZipProblemCode = 'unreadable' | 'unsafe-path' | 'symlink' | 'too-many-files' | 'file-too-large' | 'too-large' | 'empty';

export class ZipRefusedError extends Error {
  constructor(
    readonly code: ZipProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Zip refused: ${code}`);
  }
}

export interface CourseZip {
  /** Paths relative to the course folder. */
  files: ContentFiles;
  /** Name of the single top folder the course was zipped in ("trata-de-personas/course.md"), if any. */
  folderName: string | null;
}

// Files operating systems add to zips on their own; never part of a course.
const SYSTEM_FILE = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Why a path from a zip must not be used, or null when it is a plain relative path. */
export function unsafeZipPath(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) return 'parent folder (..)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'empty path segment';
  return null;
}

/**
 * Reads an uploaded zip of one course folder, refusing anything that could
 * write outside the folder or exhaust memory: "..", absolute paths, symlinks,
 * too many entries, and more uncompressed bytes than allowed (counted while
 * inflating, through jszip's public stream, since the sizes written in a zip can lie).
 */
export async function readCourseZip(data: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<CourseZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    throw new ZipRefusedError('unreadable');
  }
  const entries = Object.values(zip.files);
  if (entries.length > limits.maxEntries) throw new ZipRefusedError('too-many-files', { count: entries.length, max: limits.maxEntries });
  const wanted: JSZip.JSZipObject[] = [];
  for (const entry of entries) {
    // Folder entries create nothing here (files carry their full paths), and jszip does not keep their original names.
    if (entry.dir) continue;
    const original = entry.unsafeOriginalName ?? entry.name;
    const reason = unsafeZipPath(original);
    if (reason) throw new ZipRefusedError('unsafe-path', { path: original, reason });
    const mode = typeof entry.unixPermissions === 'number' ? entry.unixPermissions : 0;
    if ((mode & S_IFMT) === S_IFLNK) throw new ZipRefusedError('symlink', { path: original });
    if (SYSTEM_FILE.test(entry.name)) continue;
    wanted.push(entry);
  }
  if (!wanted.length) throw new ZipRefusedError('empty');
  // Sizes are counted while inflating (the declared ones can lie, and jszip only keeps them privately):
  // inflate() stops a file, or the whole zip, as soon as it grows past its limit.

  const prefix = coursePrefix(wanted.map((entry) => entry.name));
  const files: ContentFiles = new Map();
  let total = 0;
  for (const entry of wanted) {
    const content = await inflate(entry, limits, total);
    total += content.length;
    files.set(entry.name.slice(prefix.length), content);
  }
  return { files, folderName: prefix ? prefix.slice(0, -1) : null };
}

/** "slug/" when every file sits in one top folder that holds course.md, so both ways of zipping a course work. */
function coursePrefix(names: string[]): string {
  if (names.includes('course.md')) return '';
  const top = names[0].split('/')[0];
  const prefix = `${top}/`;
  return names.every((name) => name.startsWith(prefix)) && names.includes(`${prefix}course.md`) ? prefix : '';
}

function inflate(entry: JSZip.JSZipObject, limits: ZipLimits, readSoFar: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxEntryBytes || readSoFar + size > limits.maxTotalBytes) {
        // Stop inflating at once: the rest of a bomb is never produced.
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(size > limits.maxEntryBytes
          ? new ZipRefusedError('file-too-large', { path: entry.name, maxMb: toMb(limits.maxEntryBytes) })
          : new ZipRefusedError('too-large', { maxMb: toMb(limits.maxTotalBytes) }));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => reject(new ZipRefusedError('unreadable')));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function toMb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** A course folder as a zip ("slug/course.md", "slug/media/..."), the same shape readCourseZip accepts. */
export async function writeCourseZip(slug: string, files: ContentFiles): Promise<Buffer> {
  const zip = new JSZip();
  const folder = zip.folder(slug) ?? zip;
  for (const [path, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) folder.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
