import { isAbsolute, join } from 'node:path';
import { PROJECT_ROOT } from './project-root';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

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
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const DEV_SESSION_SECRET = 'development-only-secret-change-me';
export const DEFAULT_SMTP_FROM = 'Aprende Protección <no-reply@localhost>';

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
  } else if (production && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters in production');
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
  if (!/^[^\r\n]*@[^\r\n]+$/.test(smtpFrom)) problems.push(`SMTP_FROM must be an address such as "Aprende Protección <no-reply@example.org>", got "${env.SMTP_FROM}"`);

  if (problems.length) throw new ConfigError(problems);
  return { production, port, database, sessionSecret, publicUrl, contentDir, importContentOnStart, seedDemo, trustProxy, smtpUrl, smtpFrom };
}
