import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { timestampColumn } from '../portable-columns';

/**
 * Authoring in the browser: who may edit which course (course_editor), who
 * changed what and when (content_change), and the course.md text itself so
 * the editor and the zip export give back exactly what was written, and the
 * hash of the folder last imported from disk.
 */
export class ContentAuthoring1795300002000 implements MigrationInterface {
  name = 'ContentAuthoring1795300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('course', [
      new TableColumn({ name: 'sourceText', type: 'text', isNullable: true }),
      // The content folder as last imported from disk: a restart skips an unchanged folder, so edits made in the browser stay.
      new TableColumn({ name: 'importedFolderHash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'course_editor',
        columns: [
          { name: 'courseId', type: 'integer', isPrimary: true },
          { name: 'userId', type: 'integer', isPrimary: true },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [
          { columnNames: ['courseId'], referencedTableName: 'course', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ columnNames: ['userId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'content_change',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'courseId', type: 'integer' },
          // Null for imports from the content folder (startup or CLI), which nobody signed in made.
          { name: 'userId', type: 'integer', isNullable: true },
          { name: 'file', type: 'varchar', length: '255' },
          { name: 'action', type: 'varchar', length: '20' },
          { name: 'version', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'createdAt'),
        ],
        foreignKeys: [
          { columnNames: ['courseId'], referencedTableName: 'course', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          // The history outlives an account: a deleted user's changes stay, unattributed.
          { columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [{ columnNames: ['courseId', 'createdAt'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('content_change');
    await queryRunner.dropTable('course_editor');
    await queryRunner.dropColumns('course', ['sourceText', 'importedFolderHash']);
  }
}
