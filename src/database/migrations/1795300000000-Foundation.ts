import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdUpdatedColumns, idColumn, timestampColumn } from '../portable-columns';

export class Foundation1795300000000 implements MigrationInterface {
  name = 'Foundation1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          idColumn(),
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'passwordHash', type: 'varchar', length: '255' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'institution', type: 'varchar', length: '40' },
          { name: 'institutionOther', type: 'varchar', length: '120', isNullable: true },
          { name: 'position', type: 'varchar', length: '120' },
          { name: 'country', type: 'varchar', length: '8' },
          { name: 'countryOther', type: 'varchar', length: '80', isNullable: true },
          { name: 'department', type: 'varchar', length: '80' },
          { name: 'dutyStation', type: 'varchar', length: '120' },
          { name: 'sex', type: 'varchar', length: '20' },
          { name: 'ageGroup', type: 'varchar', length: '10' },
          { name: 'preferredLanguage', type: 'varchar', length: '5', default: "'es'" },
          { name: 'role', type: 'varchar', length: '20', default: "'learner'" },
          timestampColumn(queryRunner, 'dataConsentAt'),
          timestampColumn(queryRunner, 'lastLoginAt', { nullable: true }),
          ...createdUpdatedColumns(queryRunner),
        ],
        indices: [{ columnNames: ['role'] }, { columnNames: ['country'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'id', type: 'varchar', length: '255', isPrimary: true },
          { name: 'expiresAt', type: 'bigint' },
          { name: 'data', type: 'text' },
        ],
        indices: [{ columnNames: ['expiresAt'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { name: 'key', type: 'varchar', length: '300', isPrimary: true },
          { name: 'failures', type: 'integer', default: 0 },
          { name: 'windowStartedAt', type: 'bigint' },
          { name: 'blockedUntil', type: 'bigint', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_throttle');
    await queryRunner.dropTable('session');
    await queryRunner.dropTable('app_user');
  }
}
