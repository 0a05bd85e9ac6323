import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { idColumn, timestampColumn } from '../portable-columns';

/**
 * Reports and personal-data rights:
 * - report_download (owned by reports): every download of personal data, who, when, what filter, how many rows;
 * - coordinator_country (owned by reports): the countries an admin limits a coordinator's reports to (none = all);
 * - privacy_notice (owned by users): the notice shown at registration, one row per language, set by an admin;
 * - app_user.anonymisedAt (owned by users): set when an admin erased the person's data; such an account cannot sign in.
 */
export class ReportsPersonalData1795400200000 implements MigrationInterface {
  name = 'ReportsPersonalData1795400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_download',
        columns: [
          idColumn(),
          { name: 'userId', type: 'integer', isNullable: true },
          // roster, summary, own-data
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'format', type: 'varchar', length: '8' },
          // The filter as JSON (ids and codes, no personal data).
          { name: 'filter', type: 'text' },
          { name: 'rowCount', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'createdAt'),
        ],
        foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' }],
        indices: [{ columnNames: ['createdAt'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coordinator_country',
        columns: [
          { name: 'userId', type: 'integer', isPrimary: true },
          { name: 'country', type: 'varchar', length: '8', isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'privacy_notice',
        columns: [
          { name: 'language', type: 'varchar', length: '5', isPrimary: true },
          { name: 'text', type: 'text' },
          { name: 'updatedById', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'updatedAt'),
        ],
        foreignKeys: [
          { columnNames: ['updatedById'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await queryRunner.addColumn('app_user', new TableColumn(timestampColumn(queryRunner, 'anonymisedAt', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('app_user', 'anonymisedAt');
    await queryRunner.dropTable('privacy_notice');
    await queryRunner.dropTable('coordinator_country');
    await queryRunner.dropTable('report_download');
  }
}
