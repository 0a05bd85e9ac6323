import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

const INDEX = 'IDX_session_userId';
const BACKFILL_BATCH = 500;

/**
 * The signed-in user of each session as its own column, so a password change
 * can end that user's other sessions with one indexed DELETE. Sessions that
 * exist already get it from their stored data (passport.user).
 */
export class SessionUser1795300005000 implements MigrationInterface {
  name = 'SessionUser1795300005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('session', new TableColumn({ name: 'userId', type: 'integer', isNullable: true }));
    await queryRunner.createIndex('session', new TableIndex({ name: INDEX, columnNames: ['userId'] }));
    let lastId = '';
    for (;;) {
      const rows = (await queryRunner.manager
        .createQueryBuilder()
        .select(['s.id AS id', 's.data AS data'])
        .from('session', 's')
        .where('s.id > :lastId', { lastId })
        .orderBy('s.id', 'ASC')
        .limit(BACKFILL_BATCH)
        .getRawMany()) as { id: string; data: string }[];
      if (!rows.length) break;
      for (const row of rows) {
        const userId = sessionUserId(row.data);
        if (userId !== null)
          await queryRunner.manager.createQueryBuilder().update('session').set({ userId }).where('id = :id', { id: row.id }).execute();
      }
      lastId = rows[rows.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('session', INDEX);
    await queryRunner.dropColumn('session', 'userId');
  }
}

function sessionUserId(data: string): number | null {
  try {
    const user = (JSON.parse(data) as { passport?: { user?: unknown } }).passport?.user;
    return typeof user === 'number' && Number.isInteger(user) ? user : null;
  } catch {
    return null;
  }
}
