/** Content types of the media files a course may contain (content/README.md, section 1). */
const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const FALLBACK = 'application/octet-stream';

export function contentTypeFor(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? FALLBACK;
}

// SVG is handled apart: it can carry scripts, so it gets its own restrictive policy.
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export interface MediaResponseHeaders {
  'Content-Type': string;
  'Content-Length': string;
  'X-Content-Type-Options': 'nosniff';
  'Cache-Control': string;
  ETag: string;
  'Content-Disposition'?: string;
  'Content-Security-Policy'?: string;
  'Cross-Origin-Resource-Policy': 'same-origin';
}

/** Types a browser shows in place without running anything of the course's; everything else is downloaded. */
export function isShownInline(contentType: string): boolean {
  return /^(image|audio|video)\//.test(contentType) || contentType === 'application/pdf';
}

/**
 * Headers for one media file. "private": only people who may see the course
 * get it, so shared caches must not keep it; an hour in the browser spares
 * weak connections, and the ETag (the content hash) makes a later check a
 * cheap 304 unless the file changed.
 */
export function mediaResponseHeaders(media: { path: string; contentType: string; sha256: string; size: number }): MediaResponseHeaders {
  const fileName = media.path.split('/').pop() ?? 'file';
  const headers: MediaResponseHeaders = {
    'Content-Type': media.contentType,
    'Content-Length': String(media.size),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
    ETag: `"${media.sha256}"`,
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (!isShownInline(media.contentType)) headers['Content-Disposition'] = contentDisposition('attachment', fileName);
  if (media.contentType === 'image/svg+xml') headers['Content-Security-Policy'] = SVG_POLICY;
  return headers;
}

/** RFC 6266 with an ASCII fallback, so accented names survive every browser. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** True when the browser's cached copy (If-None-Match) is still the current file. */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, '')).some((tag) => tag === etag || tag === '*');
}
