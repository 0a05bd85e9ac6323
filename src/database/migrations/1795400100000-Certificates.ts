import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { idColumn, isPostgres, timestampColumn } from '../portable-columns';

/**
 * Certificates (issue #8): the certificates themselves, their stored PDFs, the audit of
 * every issue/revoke/reissue, the issuer settings an admin edits, the credential signing
 * keys, and the verify page's per-address counter (rate-limiter-flexible's table layout).
 */
export class Certificates1795400100000 implements MigrationInterface {
  name = 'Certificates1795400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = isPostgres(queryRunner);
    const bytes = postgres ? 'bytea' : 'blob';
    await queryRunner.createTable(
      new Table({
        name: 'certificate',
        columns: [
          idColumn(),
          // Canonical public code: 28 Crockford base32 symbols (140 random bits), printed in groups of four.
          { name: 'code', type: 'varchar', length: '28', isUnique: true },
          { name: 'enrolmentId', type: 'integer' },
          { name: 'userId', type: 'integer' },
          { name: 'courseId', type: 'integer' },
          { name: 'cohortId', type: 'integer', isNullable: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '12', default: "'valid'" },
          { name: 'language', type: 'varchar', length: '5' },
          // What the certificate says, frozen at issue: later edits of the profile or course do not change it.
          { name: 'holderName', type: 'varchar', length: '120' },
          { name: 'courseTitle', type: 'varchar', length: '300' },
          { name: 'hours', type: 'float' },
          { name: 'cohortName', type: 'varchar', length: '160', isNullable: true },
          { name: 'cohortCountry', type: 'varchar', length: '8', isNullable: true },
          timestampColumn(queryRunner, 'completedAt'),
          { name: 'issuer', type: 'text' },
          timestampColumn(queryRunner, 'issuedAt'),
          timestampColumn(queryRunner, 'revokedAt', { nullable: true }),
          { name: 'revokedReason', type: 'varchar', length: '30', isNullable: true },
          { name: 'replacedById', type: 'integer', isNullable: true },
          { name: 'credential', type: 'text', isNullable: true },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [
          { columnNames: ['enrolmentId'], referencedTableName: 'enrolment', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['courseId'], referencedTableName: 'course', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [
          // Exactly one current certificate of each kind per enrolment, enforced by the database (issue-once under races).
          { name: 'UQ_certificate_current', columnNames: ['enrolmentId', 'kind'], isUnique: true, where: "status <> 'replaced'" },
          { columnNames: ['userId'] },
          { columnNames: ['courseId'] },
          { columnNames: ['cohortId'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_pdf',
        columns: [
          { name: 'certificateId', type: 'integer', isPrimary: true },
          { name: 'data', type: bytes },
          { name: 'size', type: 'integer' },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [
          { columnNames: ['certificateId'], referencedTableName: 'certificate', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_event',
        columns: [
          idColumn(),
          { name: 'certificateId', type: 'integer' },
          { name: 'action', type: 'varchar', length: '12' },
          // Null: the platform itself (on completion or in the start-up backfill).
          { name: 'actorId', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          timestampColumn(queryRunner, 'at'),
        ],
        foreignKeys: [
          { columnNames: ['certificateId'], referencedTableName: 'certificate', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['actorId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [{ columnNames: ['certificateId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'issuerName', type: 'text' },
          { name: 'signatories', type: 'text' },
          { name: 'logo', type: bytes, isNullable: true },
          { name: 'logoType', type: 'varchar', length: '20', isNullable: true },
          timestampColumn(queryRunner, 'updatedAt', { defaultNow: true }),
          { name: 'updatedById', type: 'integer', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credential_key',
        columns: [
          idColumn(),
          // 1 for the first key, one more per rotation; unique, so two instances starting together make one key.
          { name: 'generation', type: 'integer', isUnique: true },
          { name: 'kid', type: 'varchar', length: '64', isUnique: true },
          { name: 'publicJwk', type: 'text' },
          // AES-256-GCM with a key derived (HKDF-SHA256) from CREDENTIAL_KEY or SESSION_SECRET.
          { name: 'privateKeyEncrypted', type: 'text' },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_verify_limit',
        columns: [
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'points', type: 'integer', default: 0 },
          { name: 'expire', type: 'bigint', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'certificate_verify_limit',
      'credential_key',
      'certificate_settings',
      'certificate_event',
      'certificate_pdf',
      'certificate',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
