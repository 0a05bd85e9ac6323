import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdUpdatedColumns, idColumn, timestampColumn } from '../portable-columns';

/**
 * Learner progress per module and quiz attempts (module quizzes, pre-test, post-test).
 * Both belong to the learner and the course, not to an enrolment, so a move
 * between cohorts keeps them.
 */
export class LearningProgressQuizzes1795300003000 implements MigrationInterface {
  name = 'LearningProgressQuizzes1795300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await queryRunner.createTable(
      new Table({
        name: 'module_progress',
        columns: [
          idColumn(),
          { name: 'userId', type: 'integer' },
          { name: 'courseId', type: 'integer' },
          { name: 'moduleId', type: 'integer' },
          timestampColumn(queryRunner, 'completedAt', { nullable: true }),
          // The module quiz's grade across attempts (highest or last), kept in step by the quiz service.
          { name: 'quizScore', type: 'float', isNullable: true },
          { name: 'quizPassed', type: 'boolean', default: false },
          ...createdUpdatedColumns(queryRunner),
        ],
        foreignKeys: [fk('userId', 'app_user'), fk('courseId', 'course'), fk('moduleId', 'course_module')],
        indices: [
          { name: 'UQ_module_progress_user_module', columnNames: ['userId', 'courseId', 'moduleId'], isUnique: true },
          { columnNames: ['courseId'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'quiz_attempt',
        columns: [
          idColumn(),
          { name: 'userId', type: 'integer' },
          { name: 'courseId', type: 'integer' },
          { name: 'moduleId', type: 'integer' },
          // The exact questions answered: a later edit of the module makes a new version, this one stays.
          { name: 'moduleVersionId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'attemptNumber', type: 'integer' },
          { name: 'status', type: 'varchar', length: '12', default: "'open'" },
          { name: 'language', type: 'varchar', length: '5' },
          { name: 'layout', type: 'text' },
          { name: 'answers', type: 'text', isNullable: true },
          timestampColumn(queryRunner, 'startedAt'),
          timestampColumn(queryRunner, 'deadlineAt', { nullable: true }),
          timestampColumn(queryRunner, 'submittedAt', { nullable: true }),
          { name: 'late', type: 'boolean', default: false },
          { name: 'questionCount', type: 'integer' },
          { name: 'correctCount', type: 'integer', isNullable: true },
          { name: 'score', type: 'float', isNullable: true },
          { name: 'passed', type: 'boolean', isNullable: true },
          { name: 'passMark', type: 'integer' },
          ...createdUpdatedColumns(queryRunner),
        ],
        foreignKeys: [
          fk('userId', 'app_user'),
          fk('courseId', 'course'),
          fk('moduleId', 'course_module'),
          fk('moduleVersionId', 'module_version'),
        ],
        indices: [
          // Two starts at once (double click, two tabs, two instances) cannot both take the same number.
          { name: 'UQ_quiz_attempt_number', columnNames: ['userId', 'moduleId', 'kind', 'attemptNumber'], isUnique: true },
          { columnNames: ['courseId'] },
          { columnNames: ['userId', 'courseId'] },
        ],
      }),
    );
    // At most one open attempt per learner and quiz, enforced by the database.
    await queryRunner.createIndex(
      'quiz_attempt',
      new TableIndex({
        name: 'UQ_quiz_attempt_open',
        columnNames: ['userId', 'moduleId', 'kind'],
        isUnique: true,
        where: "status = 'open'",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('quiz_attempt');
    await queryRunner.dropTable('module_progress');
  }
}
