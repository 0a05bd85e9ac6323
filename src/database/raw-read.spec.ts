import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, QueryFailedError } from 'typeorm';
import { buildDataSourceOptions } from '../../ormconfig';
import { entityColumns, parameter, readRows } from './raw-read';

@Entity('raw_read_thing')
class Thing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'boolean', default: false })
  done: boolean;

  @Column({ type: Date, nullable: true })
  doneAt: Date | null;

  @Column({ type: 'varchar', length: 20, select: false })
  secret: string;
}

describe('raw reads (SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raw-read-'));
    const options = buildDataSourceOptions({ kind: 'sqlite', path: join(dir, 'db.sqlite') } as Parameters<
      typeof buildDataSourceOptions
    >[0]);
    dataSource = await new DataSource({ ...options, entities: [Thing], migrations: [] }).initialize();
    await dataSource.query(
      'CREATE TABLE raw_read_thing (id INTEGER PRIMARY KEY, done BOOLEAN NOT NULL, doneAt DATETIME, secret VARCHAR(20))',
    );
    await dataSource.query(
      `INSERT INTO raw_read_thing (id, done, doneAt, secret) VALUES (1, 1, '2026-01-02 03:04:05.000', 's'), (2, 0, NULL, 't')`,
    );
  });
  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the same entities as TypeORM, leaves unselectable columns out, and reuses its statement', async () => {
    const thing = entityColumns(dataSource, Thing, 'thing');
    expect(thing.select).not.toContain('secret');
    const sql = `SELECT ${thing.select} FROM ${thing.table} "thing" WHERE "thing".${thing.column('id')} = ${parameter(dataSource, 1)}`;
    for (const id of [1, 2, 1]) {
      const [row] = await readRows(dataSource, sql, [id]);
      expect(thing.hydrate(row)).toEqual(await dataSource.getRepository(Thing).findOneByOrFail({ id }));
    }
    expect(thing.hydrate({})).toBeNull();
  });

  it('fails with QueryFailedError, and the connection still closes with statements kept and reads in flight', async () => {
    await expect(readRows(dataSource, 'SELECT nope FROM raw_read_thing', [])).rejects.toBeInstanceOf(QueryFailedError);
    await readRows(dataSource, 'SELECT id FROM raw_read_thing WHERE id = ?', [1]);
    const inFlight = readRows(dataSource, 'SELECT id FROM raw_read_thing WHERE id = ?', [2]);
    await dataSource.destroy();
    await expect(inFlight).resolves.toEqual([{ id: 2 }]);
  });
});
