import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Certificate lookups are now counted by the shared throttling service in `rate_limit`
 * (bucket certificateVerificationAddress), so the verification page's own counter table goes.
 * Its rows were short-lived windows: nothing worth carrying over.
 */
export class VerifyLimitToRateLimits1795400750000 implements MigrationInterface {
  name = 'VerifyLimitToRateLimits1795400750000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('certificate_verify_limit', true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'certificate_verify_limit',
        columns: [
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'points', type: 'integer', default: 0 },
          { name: 'expire', type: 'bigint', isNullable: true },
        ],
      }),
      true,
    );
  }
}
