import type { ContentProblem } from './content.types';
import { createProblem } from './problems';

export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
export const ALLOWED_MEDIA_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'pdf', 'mp3', 'mp4', 'docx', 'xlsx', 'pptx'];

/**
 * SVG is XML that browsers run scripts in when opened directly; one from a
 * course folder is served from our own site, so it must not carry any.
 */
const SVG_ACTIVE_CONTENT = /<script\b|<foreignObject\b|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):|<!ENTITY/i;

/** Checks one file under media/. `file` is the path shown in problems, `path` the path inside the course. */
export function checkMediaFile(file: string, path: string, content: string | Buffer): ContentProblem[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (!ALLOWED_MEDIA_EXTENSIONS.includes(extension)) {
    return [createProblem(file, 1, 'media.bad-extension', { path, extension, allowed: ALLOWED_MEDIA_EXTENSIONS.join(', ') })];
  }
  if (bytes.length === 0) return [createProblem(file, 1, 'media.empty', { path })];
  if (bytes.length > MAX_MEDIA_BYTES) {
    const sizeMb = Math.round((bytes.length / (1024 * 1024)) * 10) / 10;
    return [createProblem(file, 1, 'media.too-large', { path, sizeMb, maxMb: MAX_MEDIA_BYTES / (1024 * 1024) })];
  }
  if (extension === 'svg' && SVG_ACTIVE_CONTENT.test(bytes.toString('utf8'))) return [createProblem(file, 1, 'media.unsafe-svg', { path })];
  return [];
}
