import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdUpdatedColumns, idColumn, timestampColumn } from '../portable-columns';

export class CoursesCohortsEnrolments1795300001000 implements MigrationInterface {
  name = 'CoursesCohortsEnrolments1795300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'CASCADE') => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete,
    });
    await queryRunner.createTable(
      new Table({
        name: 'course',
        columns: [
          idColumn(),
          { name: 'slug', type: 'varchar', length: '80', isUnique: true },
          { name: 'title', type: 'text' },
          { name: 'summary', type: 'text' },
          { name: 'topic', type: 'varchar', length: '30' },
          { name: 'hours', type: 'float' },
          { name: 'languages', type: 'text' },
          { name: 'passMark', type: 'integer' },
          { name: 'certificateType', type: 'varchar', length: '20' },
          { name: 'hasPreTest', type: 'boolean', default: false },
          { name: 'hasPostTest', type: 'boolean', default: false },
          { name: 'completionRule', type: 'text' },
          { name: 'quizDefaults', type: 'text' },
          { name: 'sourceHash', type: 'varchar', length: '64' },
          { name: 'published', type: 'boolean', default: true },
          ...createdUpdatedColumns(queryRunner),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'course_module',
        columns: [
          idColumn(),
          { name: 'courseId', type: 'integer' },
          { name: 'key', type: 'varchar', length: '80' },
          { name: 'kind', type: 'varchar', length: '20', default: "'lesson'" },
          { name: 'position', type: 'integer' },
          { name: 'minutes', type: 'integer', default: 0 },
          { name: 'active', type: 'boolean', default: true },
        ],
        foreignKeys: [fk('courseId', 'course')],
        indices: [{ columnNames: ['courseId', 'key'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'module_version',
        columns: [
          idColumn(),
          { name: 'moduleId', type: 'integer' },
          { name: 'language', type: 'varchar', length: '5' },
          { name: 'version', type: 'integer' },
          { name: 'current', type: 'boolean', default: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'sourceText', type: 'text' },
          { name: 'sourceHash', type: 'varchar', length: '64' },
          { name: 'lessonHtml', type: 'text' },
          { name: 'questions', type: 'text' },
          { name: 'quizSettings', type: 'text' },
          { name: 'createdById', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [fk('moduleId', 'course_module')],
        indices: [{ columnNames: ['moduleId', 'language', 'version'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'course_media',
        columns: [
          idColumn(),
          { name: 'courseId', type: 'integer' },
          { name: 'path', type: 'varchar', length: '255' },
          { name: 'contentType', type: 'varchar', length: '100' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'size', type: 'integer' },
          { name: 'dataBase64', type: 'text' },
          timestampColumn(queryRunner, 'createdAt', { defaultNow: true }),
        ],
        foreignKeys: [fk('courseId', 'course')],
        indices: [{ columnNames: ['courseId', 'path'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cohort',
        columns: [
          idColumn(),
          { name: 'courseId', type: 'integer' },
          { name: 'name', type: 'varchar', length: '160' },
          { name: 'country', type: 'varchar', length: '8' },
          timestampColumn(queryRunner, 'startsAt'),
          timestampColumn(queryRunner, 'endsAt'),
          timestampColumn(queryRunner, 'enrolmentOpensAt', { nullable: true }),
          timestampColumn(queryRunner, 'enrolmentClosesAt', { nullable: true }),
          { name: 'capacity', type: 'integer', isNullable: true },
          { name: 'enrolmentMode', type: 'varchar', length: '20', default: "'open'" },
          { name: 'enrolmentKey', type: 'varchar', length: '100', isNullable: true },
          timestampColumn(queryRunner, 'archivedAt', { nullable: true }),
          ...createdUpdatedColumns(queryRunner),
        ],
        foreignKeys: [fk('courseId', 'course', 'RESTRICT')],
        indices: [{ columnNames: ['courseId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cohort_facilitator',
        columns: [
          { name: 'cohortId', type: 'integer', isPrimary: true },
          { name: 'userId', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [fk('cohortId', 'cohort'), fk('userId', 'app_user')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment',
        columns: [
          idColumn(),
          { name: 'userId', type: 'integer' },
          { name: 'courseId', type: 'integer' },
          { name: 'cohortId', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '20', default: "'active'" },
          timestampColumn(queryRunner, 'completedAt', { nullable: true }),
          timestampColumn(queryRunner, 'accessExtendedUntil', { nullable: true }),
          { name: 'lastModuleKey', type: 'varchar', length: '80', isNullable: true },
          timestampColumn(queryRunner, 'lastActivityAt', { nullable: true }),
          { name: 'preTestScore', type: 'float', isNullable: true },
          { name: 'postTestScore', type: 'float', isNullable: true },
          ...createdUpdatedColumns(queryRunner),
        ],
        foreignKeys: [fk('userId', 'app_user'), fk('courseId', 'course'), fk('cohortId', 'cohort', 'SET NULL')],
        indices: [{ columnNames: ['userId'] }, { columnNames: ['courseId'] }, { columnNames: ['cohortId'] }],
      }),
    );
    // Partial unique index (SQLite and PostgreSQL both support WHERE): one active enrolment per learner and course.
    await queryRunner.createIndex(
      'enrolment',
      new TableIndex({
        name: 'UQ_enrolment_active_per_course',
        columnNames: ['userId', 'courseId'],
        isUnique: true,
        where: "status = 'active'",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['enrolment', 'cohort_facilitator', 'cohort', 'course_media', 'module_version', 'course_module', 'course']) {
      await queryRunner.dropTable(table);
    }
  }
}
