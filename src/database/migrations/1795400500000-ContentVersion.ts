import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

const BACKFILL_BATCH = 200;

/**
 * The published-content cache: one row whose number every import or save
 * raises in its own transaction (each instance re-reads it at most once a
 * second and reloads its cache when it changed), and the question count of
 * each module version, so a syllabus never loads question JSON to count it.
 */
export class ContentVersion1795400500000 implements MigrationInterface {
  name = 'ContentVersion1795400500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'content_version',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'integer', isNullable: false, default: 1 },
        ],
      }),
    );
    await queryRunner.manager.createQueryBuilder().insert().into('content_version').values({ id: 1, version: 1 }).execute();
    await queryRunner.addColumn(
      'module_version',
      new TableColumn({ name: 'questionCount', type: 'integer', isNullable: false, default: 0 }),
    );
    let lastId = 0;
    for (;;) {
      const rows = (await queryRunner.manager
        .createQueryBuilder()
        .select(['v.id AS id', 'v.questions AS questions'])
        .from('module_version', 'v')
        .where('v.id > :lastId', { lastId })
        .orderBy('v.id', 'ASC')
        .limit(BACKFILL_BATCH)
        .getRawMany()) as { id: number | string; questions: string }[];
      if (!rows.length) break;
      for (const row of rows) {
        const questionCount = countQuestions(row.questions);
        if (questionCount > 0)
          await queryRunner.manager
            .createQueryBuilder()
            .update('module_version')
            .set({ questionCount })
            .where('id = :id', { id: row.id })
            .execute();
      }
      lastId = Number(rows[rows.length - 1].id);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('module_version', 'questionCount');
    await queryRunner.dropTable('content_version');
  }
}

function countQuestions(json: string): number {
  try {
    const questions: unknown = JSON.parse(json);
    return Array.isArray(questions) ? questions.length : 0;
  } catch {
    return 0;
  }
}
