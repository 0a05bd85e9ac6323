import { DataSource } from 'typeorm';

export type SchemaState = 'ok' | 'down' | 'not-migrated';

/** Whether the database answers and has applied every migration of this build (reads only; creates nothing). */
export async function schemaState(dataSource: DataSource): Promise<SchemaState> {
  if (!dataSource.isInitialized) return 'down';
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  let applied: { name: string }[];
  try {
    applied = (await dataSource.createQueryBuilder().select('m.name', 'name').from(table, 'm').getRawMany()) as { name: string }[];
  } catch {
    // The table is missing (a database recreated empty) or the database does not answer.
    return (await answers(dataSource)) ? 'not-migrated' : 'down';
  }
  const names = new Set(applied.map((row) => row.name));
  const known = dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
  return known.every((name) => names.has(name)) ? 'ok' : 'not-migrated';
}

async function answers(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
