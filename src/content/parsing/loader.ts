import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ContentFiles } from './content.types';
import { decodeUtf8 } from './source-text';

/** A symbolic link that leads out of the folder being read: following it could publish any file on the server. */
export class UnsafeSymlinkError extends Error {
  constructor(readonly path: string) {
    super(`${path} is a symbolic link to a place outside the folder`);
  }
}

/** Markdown is read as text; everything else (media) as bytes. */
const TEXT_EXTENSIONS = /\.md$/i;

/**
 * Reads a folder into memory for the pure parser: keys are paths relative to
 * `dir` with "/" separators. Dotfiles and dot-folders (.git, .DS_Store) are
 * skipped. Symbolic links are followed only when they stay inside the folder;
 * one that leads outside rejects with UnsafeSymlinkError. Links to folders
 * are not followed (they could loop). A Markdown file that is not valid UTF-8
 * is returned as a Buffer so the parser can report it.
 */
export async function loadFolder(dir: string): Promise<ContentFiles> {
  const root = await realpath(dir);
  const files: ContentFiles = new Map();
  await readInto(root, root, files);
  return files;
}

async function readInto(root: string, dir: string, files: ContentFiles): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const key = relative(root, path).split(sep).join('/');
    if (entry.isDirectory()) {
      await readInto(root, path, files);
      continue;
    }
    if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => null);
      if (target === null) continue; // dangling link: nothing to read
      if (!(await stat(target)).isFile()) continue; // folders are not followed, inside or out
      if (!isInside(root, target)) throw new UnsafeSymlinkError(key);
    } else if (!(await lstat(path)).isFile()) {
      continue; // sockets, devices, fifos
    }
    const bytes = await readFile(path);
    files.set(key, TEXT_EXTENSIONS.test(entry.name) ? (decodeUtf8(bytes) ?? bytes) : bytes);
  }
}

function isInside(root: string, target: string): boolean {
  const path = relative(root, target);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}
