import { ConfigError, estimatedBits, loadConfig } from './app-config';

const STRONG = '3f9c1e7a5b2d8046c1a9e3f7b5d20864ae1c3f5b7d9e0a2c4e6f8a1b3c5d7e9f';

describe('loadConfig', () => {
  it('defaults to SQLite in data/ and port 3000 in development', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', path: expect.stringMatching(/data[\\/]app\.sqlite$/) });
    expect(config.seedDemo).toBe(true);
    expect(config.production).toBe(false);
  });

  it('refuses to start in production without SESSION_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required/);
  });

  it.each([
    ['the development default of the code', 'development-only-secret-change-me', /development default/],
    ['43 × "a"', 'a'.repeat(43), /too predictable/],
    ['a repeated pair', 'ab'.repeat(40), /too predictable/],
    ['a short one', 'k3J9x!', /at least 32 characters/],
  ])('refuses in production %s as SESSION_SECRET', (_label, secret, message) => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret })).toThrow(message);
  });

  it('accepts random secrets as produced by openssl (hex and base64), and anything in development', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: STRONG }).sessionSecret).toBe(STRONG);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'q8Jw1v9Kz3mT0bXr5uYc7nLp2sHd6gFa4eRt8iOk1Q0=' })).not.toThrow();
    expect(loadConfig({ SESSION_SECRET: 'a'.repeat(43) }).sessionSecret).toBe('a'.repeat(43));
    expect(estimatedBits('a'.repeat(43))).toBe(0);
  });

  it('never seeds demo accounts in production, even when asked', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: STRONG, SEED_DEMO: 'true' });
    expect(config.seedDemo).toBe(false);
  });

  it('accepts postgres and sqlite: URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/db',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({ kind: 'sqlite', path: '/tmp/x.sqlite' });
  });

  it('takes an optional CREDENTIAL_KEY of at least 32 characters for the credential signing keys', () => {
    expect(loadConfig({}).credentialKey).toBeUndefined();
    expect(loadConfig({ CREDENTIAL_KEY: 'k'.repeat(32) }).credentialKey).toBe('k'.repeat(32));
    expect(() => loadConfig({ CREDENTIAL_KEY: 'short' })).toThrow(/CREDENTIAL_KEY must be at least 32 characters/);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'ftp://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });
});
