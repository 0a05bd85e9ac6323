const BASE = 'http://local.invalid';

/**
 * Only same-site paths are allowed as redirect targets, so a crafted
 * ?next= link cannot send a signed-in user to another site. The candidate is
 * normalised the way a browser would (dot segments, %2e, backslashes) and
 * the RESULT is checked: "/.//evil.example/" resolves to "//evil.example/",
 * which a browser reads as another host.
 */
export function safeLocalPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2000) return fallback;
  if (!candidate.startsWith('/')) return fallback;
  // Browsers read "\" as "/" in URLs: no legitimate local path needs one.
  if (candidate.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  try {
    const resolved = new URL(candidate, BASE);
    if (resolved.origin !== BASE) return fallback;
    const path = resolved.pathname + resolved.search + resolved.hash;
    // "//host" after normalisation is protocol-relative; resolving the result again must not leave the site either.
    if (!path.startsWith('/') || path.startsWith('//') || new URL(path, BASE).origin !== BASE) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
