import { createHash } from 'node:crypto';
import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
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

/** `?, ?, ?` on SQLite, `$3, $4, $5` on PostgreSQL: placeholders for `count` parameters after `before` others. */
export function placeholders(dataSource: DataSource, count: number, before = 0): string {
  return Array.from({ length: count }, (_, index) => parameter(dataSource, before + index + 1)).join(', ');
}

type Row = Record<string, unknown>;
interface SqliteStatement {
  all(params: unknown[], callback: (error: Error | null, rows: Row[]) => void): unknown;
  finalize(callback?: (error: Error | null) => void): unknown;
}
interface SqliteDatabase {
  prepare(sql: string, callback?: (error: Error | null) => void): SqliteStatement;
  close(callback?: (error: Error | null) => void): unknown;
  all(sql: string, params: unknown[], callback: (error: Error | null, rows: Row[]) => void): unknown;
}
interface PostgresPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

const prepared = new WeakMap<SqliteDatabase, Map<string, KeptStatement>>();
const closing = new WeakSet<SqliteDatabase>();
const statementNames = new Map<string, string>();

/**
 * Runs one of the hot reads above. SQLite: the statement is prepared once on
 * the app's connection and kept (compiling the SQL was a large part of each
 * read); the kept statements are finalized before the connection closes.
 * PostgreSQL: a named prepared statement, so each pooled connection parses and
 * plans it once. Like every query it passes TypeORM's logger (query logs, the
 * query-budget tests) and fails with TypeORM's QueryFailedError.
 */
export async function readRows(dataSource: DataSource, sql: string, params: unknown[]): Promise<Row[]> {
  dataSource.logger.logQuery(sql, params);
  try {
    if (dataSource.options.type === 'sqlite') return await sqliteRows(dataSource, sql, params);
    if (dataSource.options.type === 'postgres') {
      const pool = (dataSource.driver as unknown as { master: PostgresPool }).master;
      return (await pool.query({ name: statementName(sql), text: sql, values: params })).rows;
    }
    return (await dataSource.query(sql, params)) as Row[];
  } catch (error) {
    if (error instanceof QueryFailedError) throw error;
    dataSource.logger.logQueryError(error as Error, sql, params);
    throw new QueryFailedError(sql, params, error as Error);
  }
}

interface KeptStatement {
  statement: SqliteStatement;
  /**
   * Settles when the SQL is prepared. A statement that cannot be prepared is finalized by node-sqlite3, which then
   * drops calls made on it without ever answering them: so nothing runs on a statement before this resolves.
   */
  ready: Promise<void>;
  /** Settles when the last read started on this statement has finished (the close waits for it). */
  running?: Promise<void>;
}

function sqliteRows(dataSource: DataSource, sql: string, params: unknown[]): Promise<Row[]> {
  const database = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
  let statements = prepared.get(database);
  if (!statements) {
    const kept = (statements = new Map<string, KeptStatement>());
    prepared.set(database, kept);
    // sqlite3_close refuses while statements are open: finalize the kept ones first.
    const close = database.close.bind(database);
    // Reads already under way finish first (as they would with TypeORM's own queries).
    database.close = (callback) => {
      closing.add(database);
      void Promise.allSettled([...kept.values()].map((entry) => entry.running))
        .then(() =>
          Promise.all([...kept.values()].map((entry) => new Promise<void>((resolve) => entry.statement.finalize(() => resolve())))),
        )
        .then(() => {
          kept.clear();
          close(callback);
        });
      return database;
    };
  }
  // A request still running while the app stops: a one-off statement, so nothing is left open to stop the close.
  if (closing.has(database)) {
    return new Promise((resolve, reject) => database.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
  }
  let entry = statements.get(sql);
  if (!entry) {
    const fresh = {} as KeptStatement;
    fresh.ready = new Promise<void>((resolve, reject) => {
      fresh.statement = database.prepare(sql, (error) => (error ? reject(error) : resolve()));
    });
    // A statement that could not be prepared (say, while the disk was away) is prepared afresh next time.
    fresh.ready.catch(() => statements.get(sql) === fresh && statements.delete(sql));
    statements.set(sql, (entry = fresh));
  }
  const current = entry;
  const rows = current.ready.then(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        // One that fails while running stays usable: SQLite resets it before the next run.
        current.statement.all(params, (error, found) => (error ? reject(error) : resolve(found)));
      }),
  );
  // The statement's calls run one after another: the last one settles after all those before it.
  current.running = rows.then(
    () => undefined,
    () => undefined,
  );
  return rows;
}

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `aprende_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`));
  return name;
}
