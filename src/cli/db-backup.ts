import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { backupSqlite } from '../database/sqlite-backup';

/** npm run db:backup -- <file>: a consistent copy of the live SQLite database (users may keep working). */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) {
    console.error('Usage: npm run db:backup -- <file>   (e.g. npm run db:backup -- backups/aprende-2026-12-02.sqlite)');
    process.exit(2);
  }
  const { database } = loadConfig(process.env);
  if (database.kind === 'postgres') {
    console.error(
      'db:backup copies SQLite databases only. For PostgreSQL use its own tools, e.g.\n' +
        '  pg_dump --format=custom --file=aprende.dump "$DATABASE_URL"\n' +
        'and restore with pg_restore --clean --no-owner --dbname="$DATABASE_URL" aprende.dump (see the README).',
    );
    process.exit(2);
  }
  const result = await backupSqlite(database.path, resolve(target));
  console.log(`Backup written to ${result.target} (${result.bytes} bytes, integrity check: ${result.integrity}).`);
}

void main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
