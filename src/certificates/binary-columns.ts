import { DataSource } from 'typeorm';
import { isPostgres } from '../database/portable-columns';

/**
 * Byte columns (blob on SQLite, bytea on PostgreSQL) have no TypeORM type common to both
 * drivers, so they stay out of the entities and are read and written here with plain SQL;
 * both drivers take and return a Buffer.
 */
export class BinaryColumns {
  constructor(private readonly data: DataSource) {}

  /** "$1, $2" on PostgreSQL, "?, ?" on SQLite. */
  private sql(text: string): string {
    if (!isPostgres(this.data)) return text;
    let index = 0;
    return text.replace(/\?/g, () => `$${++index}`);
  }

  async read(table: string, column: string, keyColumn: string, key: number): Promise<Buffer | null> {
    const rows = (await this.data.query(this.sql(`SELECT "${column}" AS value FROM "${table}" WHERE "${keyColumn}" = ?`), [key])) as {
      value: Buffer | null;
    }[];
    const value = rows[0]?.value;
    return value ? Buffer.from(value) : null;
  }

  query(text: string, params: unknown[]): Promise<unknown> {
    return this.data.query(this.sql(text), params);
  }
}
