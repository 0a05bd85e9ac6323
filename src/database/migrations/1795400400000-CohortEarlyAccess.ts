import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Learners of a cohort wait for its start date before the modules open, unless the
 * cohort allows early access (a cohort setting, off by default and for every existing cohort).
 */
export class CohortEarlyAccess1795400400000 implements MigrationInterface {
  name = 'CohortEarlyAccess1795400400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('cohort', new TableColumn({ name: 'earlyAccess', type: 'boolean', isNullable: false, default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('cohort', 'earlyAccess');
  }
}
