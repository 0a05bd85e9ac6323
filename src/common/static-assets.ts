import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hbs from 'hbs';

export const STATIC_PREFIX = '/static/';

/**
 * URLs of the files in public/ with a hash of their content in the query, so
 * browsers may keep them for a year and still fetch a changed file after a
 * release. Computed once at start (the folder is small and read-only).
 */
export function versionedAssetUrls(publicDir: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const entry of readdirSync(publicDir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const hash = createHash('sha256')
      .update(readFileSync(join(publicDir, entry.name)))
      .digest('hex')
      .slice(0, 12);
    urls.set(entry.name, `${STATIC_PREFIX}${entry.name}?v=${hash}`);
  }
  return urls;
}

/** `{{asset "styles.css"}}` in a view gives the versioned URL. */
export function registerAssetHelper(publicDir: string): void {
  const urls = versionedAssetUrls(publicDir);
  // Our own URL (file name and hex hash), so it needs no HTML escaping of its `=`.
  hbs.registerHelper('asset', (name: string) => new hbs.handlebars.SafeString(urls.get(name) ?? `${STATIC_PREFIX}${name}`));
}
