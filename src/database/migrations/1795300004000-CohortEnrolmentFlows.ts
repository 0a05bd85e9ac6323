import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { idColumn, timestampColumn } from '../portable-columns';

/**
 * What enrolment needs beyond the shared model: invitations to a cohort,
 * single-use account tokens (set-password links for accounts created in bulk)
 * and bulk imports kept server-side between preview and confirmation.
 * Join requests need no table: they are enrolments with status 'pending'.
 */
export class CohortEnrolmentFlows1795300004000 implements MigrationInterface {
  name = 'CohortEnrolmentFlows1795300004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL') => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete,
    });
    await queryRunner.createTable(
      new Table({
        name: 'cohort_invitation',
        columns: [
          idColumn(),
          { name: 'cohortId', type: 'integer' },
          { name: 'email', type: 'varchar', length: '254' },
          // sha256 of the token in the link: a database copy alone cannot be used to accept.
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'invitedById', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'expiresAt'),
          timestampColumn(queryRunner, 'acceptedAt', { nullable: true }),
          { name: 'acceptedUserId', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'revokedAt', { nullable: true }),
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [
          fk('cohortId', 'cohort', 'CASCADE'),
          fk('invitedById', 'app_user', 'SET NULL'),
          fk('acceptedUserId', 'app_user', 'SET NULL'),
        ],
        indices: [{ columnNames: ['cohortId', 'email'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'account_token',
        columns: [
          idColumn(),
          { name: 'userId', type: 'integer' },
          { name: 'purpose', type: 'varchar', length: '20' },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          timestampColumn(queryRunner, 'expiresAt'),
          timestampColumn(queryRunner, 'usedAt', { nullable: true }),
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE')],
        indices: [{ columnNames: ['userId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bulk_import',
        columns: [
          idColumn(),
          { name: 'cohortId', type: 'integer' },
          { name: 'createdById', type: 'integer', isNullable: true },
          { name: 'fileName', type: 'varchar', length: '255' },
          { name: 'status', type: 'varchar', length: '20', default: "'preview'" },
          // The parsed rows (JSON), so confirming applies exactly what was previewed.
          { name: 'rows', type: 'text' },
          // One outcome per row after confirmation (JSON), for the result page and file.
          { name: 'results', type: 'text', isNullable: true },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
          timestampColumn(queryRunner, 'appliedAt', { nullable: true }),
        ],
        foreignKeys: [fk('cohortId', 'cohort', 'CASCADE'), fk('createdById', 'app_user', 'SET NULL')],
        indices: [{ columnNames: ['cohortId'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['bulk_import', 'account_token', 'cohort_invitation']) await queryRunner.dropTable(table);
  }
}
