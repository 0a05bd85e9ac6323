import { isAbsolute, join } from 'node:path';
import { PROJECT_ROOT } from './project-root';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  production: boolean;
  port: number;
  database: DatabaseConfig;
  sessionSecret: string;
  publicUrl: string;
  contentDir: string;
  /** Import the content folder at start (CONTENT_IMPORT_ON_START, default true); tests turn it off. */
  importContentOnStart: boolean;
  seedDemo: boolean;
  trustProxy: boolean;
  /** SMTP server for links (SMTP_URL, smtp:// or smtps://); without it links are only shown and logged. */
  smtpUrl?: string;
  /** Sender of those emails (SMTP_FROM). */
  smtpFrom: string;
  /** Secret for the credential signing keys at rest (CREDENTIAL_KEY); SESSION_SECRET when unset. */
  credentialKey?: string;
  /** LOG_FORMAT: `json` (default in production) writes one JSON line per request and JSON application logs; `text` is Nest's readable console. */
  logFormat: 'json' | 'text';
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for requests in flight before closing anyway. */
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const DEV_SESSION_SECRET = 'development-only-secret-change-me';
export const DEFAULT_SMTP_FROM = 'Aprende Protección <no-reply@localhost>';

/** Bits of entropy a production SESSION_SECRET must show (`openssl rand -hex 32` gives about 256). */
export const MIN_SECRET_BITS = 128;

/**
 * Why a production session secret is not good enough, or null. Its strength
 * is estimated from its own characters (length × Shannon entropy per
 * character), so 43 × "a" or "abab..." are refused however long they are,
 * and the development default written in this file is refused outright.
 */
export function sessionSecretWeakness(secret: string): string | null {
  if (secret === DEV_SESSION_SECRET)
    return 'SESSION_SECRET is the development default written in the code; set your own (e.g. `openssl rand -hex 32`)';
  if (secret.length < 32) return 'SESSION_SECRET must be at least 32 characters in production (e.g. `openssl rand -hex 32`)';
  if (estimatedBits(secret) < MIN_SECRET_BITS)
    return 'SESSION_SECRET is too predictable (repeated or few different characters); use a random one, e.g. `openssl rand -hex 32`';
  return null;
}

export function estimatedBits(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  const length = [...text].length;
  let perCharacter = 0;
  for (const count of counts.values()) perCharacter -= (count / length) * Math.log2(count / length);
  return perCharacter * length;
}

export function parseDatabaseUrl(raw: string | undefined, problems: string[]): DatabaseConfig {
  if (!raw) return { kind: 'sqlite', path: join(PROJECT_ROOT, 'data', 'app.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) problems.push('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/app.sqlite');
    return { kind: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : join(PROJECT_ROOT, path) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) return { kind: 'postgres', url: raw };
  problems.push('DATABASE_URL must be unset (SQLite in data/), "sqlite:<path>" or "postgres://user@host:port/db"');
  return { kind: 'sqlite', path: '' };
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

/** Reads and validates the environment once; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);

  let sessionSecret = env.SESSION_SECRET ?? '';
  if (!sessionSecret) {
    if (production) problems.push('SESSION_SECRET is required in production (use a long random string, e.g. `openssl rand -hex 32`)');
    sessionSecret = DEV_SESSION_SECRET;
  } else if (production) {
    const weakness = sessionSecretWeakness(sessionSecret);
    if (weakness) problems.push(weakness);
  }

  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${Number.isInteger(port) ? port : 3000}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) problems.push(`PUBLIC_URL must be an http(s) address, got "${env.PUBLIC_URL}"`);

  const contentDirRaw = env.CONTENT_DIR || 'content';
  const contentDir = isAbsolute(contentDirRaw) ? contentDirRaw : join(PROJECT_ROOT, contentDirRaw);

  const database = parseDatabaseUrl(env.DATABASE_URL, problems);
  const importContentOnStart = parseBoolean('CONTENT_IMPORT_ON_START', env.CONTENT_IMPORT_ON_START, true, problems);
  const seedDemo = parseBoolean('SEED_DEMO', env.SEED_DEMO, !production, problems) && !production;
  const trustProxy = parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false, problems);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  const smtpFrom = env.SMTP_FROM || DEFAULT_SMTP_FROM;
  if (!/^[^\r\n]*@[^\r\n]+$/.test(smtpFrom))
    problems.push(`SMTP_FROM must be an address such as "Aprende Protección <no-reply@example.org>", got "${env.SMTP_FROM}"`);

  const credentialKey = env.CREDENTIAL_KEY || undefined;
  if (credentialKey && credentialKey.length < 32)
    problems.push('CREDENTIAL_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)');

  const logFormat = env.LOG_FORMAT || (production ? 'json' : 'text');
  if (logFormat !== 'json' && logFormat !== 'text') problems.push(`LOG_FORMAT must be json or text, got "${env.LOG_FORMAT}"`);
  const shutdownTimeoutMs =
    env.SHUTDOWN_TIMEOUT_MS === undefined || env.SHUTDOWN_TIMEOUT_MS === '' ? 25_000 : Number(env.SHUTDOWN_TIMEOUT_MS);
  if (!Number.isInteger(shutdownTimeoutMs) || shutdownTimeoutMs < 0)
    problems.push(`SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, got "${env.SHUTDOWN_TIMEOUT_MS}"`);

  if (problems.length) throw new ConfigError(problems);
  return {
    production,
    port,
    database,
    sessionSecret,
    publicUrl,
    contentDir,
    importContentOnStart,
    seedDemo,
    trustProxy,
    smtpUrl,
    smtpFrom,
    credentialKey,
    logFormat: logFormat === 'json' ? 'json' : 'text',
    shutdownTimeoutMs,
  };
}
