import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The counters of rate-limiter-flexible (src/throttling), in the columns and
 * order its SQLite and PostgreSQL stores expect (key, points, expire in epoch
 * milliseconds). Created here, not by the library at request time, so every
 * instance starts with it. Replaces the hand-written login_throttle table:
 * its short-lived counts are dropped, not carried over.
 */
export class RateLimits1795400300000 implements MigrationInterface {
  name = 'RateLimits1795400300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit',
        columns: [
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'points', type: 'integer', default: 0 },
          { name: 'expire', type: 'bigint', isNullable: true },
        ],
      }),
    );
    await queryRunner.dropTable('login_throttle');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.dropTable('rate_limit');
  }
}
