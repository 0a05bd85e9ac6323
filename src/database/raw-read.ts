import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Reads for the hottest pages without TypeORM's query builder: the SQL text is
 * written once per query shape (column lists from the entity's metadata, so a
 * renamed column cannot drift), run with bound parameters through the
 * DataSource, and each row is turned into an entity by the driver's own
 * `prepareHydratedValue` (dates, booleans, transformers), exactly as TypeORM's
 * find would. Building a query with the query builder and mapping its result
 * was a tenth of the busy time of a page view.
 */
export interface EntityColumns<T> {
  /** `"alias"."col" AS "alias__col", …` for the SELECT list (selectable columns only: never a password hash). */
  readonly select: string;
  /** The entity's table name, quoted. */
  readonly table: string;
  /** The quoted column name of a property, for WHERE and ORDER BY. */
  column(property: keyof T & string): string;
  /** The entity from a raw row read with `select`, or null when the row has no such entity (a LEFT JOIN without match). */
  hydrate(row: Record<string, unknown>): T | null;
}

const known = new WeakMap<DataSource, Map<string, EntityColumns<ObjectLiteral>>>();

export function entityColumns<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string): EntityColumns<T> {
  let byKey = known.get(dataSource);
  if (!byKey) known.set(dataSource, (byKey = new Map()));
  const metadata = dataSource.getMetadata(entity);
  const key = `${metadata.name}|${alias}`;
  let columns = byKey.get(key);
  if (!columns) byKey.set(key, (columns = build(dataSource, metadata, alias)));
  return columns as EntityColumns<T>;
}

function build(dataSource: DataSource, metadata: EntityMetadata, alias: string): EntityColumns<ObjectLiteral> {
  const { driver } = dataSource;
  const columns = metadata.columns.filter((column) => !column.isVirtual && column.isSelect);
  const label = (column: ColumnMetadata) => `${alias}__${column.databaseName}`;
  const select = columns.map(
    (column) => `${driver.escape(alias)}.${driver.escape(column.databaseName)} AS ${driver.escape(label(column))}`,
  );
  const labels = columns.map(label);
  const primary = metadata.primaryColumns.map(label);
  return {
    select: select.join(', '),
    table: driver.escape(metadata.tableName),
    column(property) {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return driver.escape(column.databaseName);
    },
    hydrate(row) {
      if (primary.some((name) => row[name] === null || row[name] === undefined)) return null;
      const entity = metadata.create() as ObjectLiteral;
      for (let i = 0; i < columns.length; i += 1)
        columns[i].setEntityValue(entity, driver.prepareHydratedValue(row[labels[i]], columns[i]));
      return entity;
    },
  };
}

/** The n-th (from 1) bound parameter's placeholder: `?` on SQLite, `$n` on PostgreSQL. */
export function parameter(dataSource: DataSource, n: number): string {
  return dataSource.options.type === 'postgres' ? `$${n}` : '?';
}
