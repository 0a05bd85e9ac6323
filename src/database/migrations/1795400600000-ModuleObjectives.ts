import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The learning objectives a module version states at the top of its page
 * (front-matter key `objectives`), stored as JSON text like the questions.
 * Null for versions imported before objectives existed.
 */
export class ModuleObjectives1795400600000 implements MigrationInterface {
  name = 'ModuleObjectives1795400600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('module_version', new TableColumn({ name: 'objectives', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('module_version', 'objectives');
  }
}
