import { DataSource, QueryRunner, TableColumnOptions } from 'typeorm';

// Migrations run unchanged on SQLite and PostgreSQL: these helpers pick the
// column types and defaults that differ between the two.
export function isPostgres(source: QueryRunner | DataSource): boolean {
  const dataSource = source instanceof DataSource ? source : source.connection;
  return dataSource.options.type === 'postgres';
}

export function idColumn(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

export function timestampColumn(
  queryRunner: QueryRunner,
  name: string,
  options: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions {
  const postgres = isPostgres(queryRunner);
  return {
    name,
    type: postgres ? 'timestamp' : 'datetime',
    isNullable: options.nullable ?? false,
    default: options.defaultNow ? (postgres ? 'now()' : "datetime('now')") : undefined,
  };
}

export function createdUpdatedColumns(queryRunner: QueryRunner): TableColumnOptions[] {
  return [timestampColumn(queryRunner, 'createdAt', { defaultNow: true }), timestampColumn(queryRunner, 'updatedAt', { defaultNow: true })];
}
