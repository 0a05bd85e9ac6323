import { ConfigError, loadConfig } from './app-config';

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

  it('never seeds demo accounts in production, even when asked', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' });
    expect(config.seedDemo).toBe(false);
  });

  it('accepts postgres and sqlite: URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
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
