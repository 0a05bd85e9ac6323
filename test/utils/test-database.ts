import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '../../src/config/app-config';

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** Which database the e2e suite runs on: PostgreSQL when TEST_DATABASE_URL is set, SQLite otherwise. */
export function testDatabaseKind(): 'postgres' | 'sqlite' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
}

/** Every test app gets its own fresh database, created here and dropped at the end, so runs never share data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'aprende-test-'));
    return { config: { kind: 'sqlite', path: join(dir, 'test.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `test_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
