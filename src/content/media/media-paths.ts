export const MEDIA_PREFIX = 'media/';

/** Site address of a media file: each path segment encoded, so spaces and accents survive. */
export function mediaUrl(slug: string, path: string): string {
  const inMedia = path.startsWith(MEDIA_PREFIX) ? path.slice(MEDIA_PREFIX.length) : path;
  return `/courses/${encodeURIComponent(slug)}/media/${inMedia.split('/').map(encodeURIComponent).join('/')}`;
}
