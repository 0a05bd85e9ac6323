import { DataSource } from 'typeorm';
import { entityColumns, parameter, readRows } from '../database/raw-read';
import { Enrolment } from './enrolment.entity';

/**
 * The enrolment reads of every signed-in course page (the learner's active
 * enrolment with its cohort) and of My courses, as raw SQL written once (see
 * database/raw-read.ts): the same rows and entities as the TypeORM finds they
 * replace, without building the query on every request.
 */
const queries = new WeakMap<DataSource, { active: string; current: string }>();

function sqlFor(dataSource: DataSource) {
  let sql = queries.get(dataSource);
  if (sql) return sql;
  const enrolment = entityColumns(dataSource, Enrolment, 'enrolment');
  // By entity name: the cohort belongs to the cohorts feature, above this one.
  const cohort = entityColumns(dataSource, 'Cohort', 'cohort');
  const from =
    `SELECT ${enrolment.select}, ${cohort.select} FROM ${enrolment.table} "enrolment"` +
    ` LEFT JOIN ${cohort.table} "cohort" ON "cohort".${cohort.column('id')} = "enrolment".${enrolment.column('cohortId')}` +
    ` WHERE "enrolment".${enrolment.column('userId')} = ${parameter(dataSource, 1)}`;
  sql = {
    active: `${from} AND "enrolment".${enrolment.column('courseId')} = ${parameter(dataSource, 2)} AND "enrolment".${enrolment.column('status')} = 'active'`,
    current:
      `${from} AND "enrolment".${enrolment.column('status')} IN ('active', 'pending')` +
      ` ORDER BY "enrolment".${enrolment.column('createdAt')} DESC, "enrolment".${enrolment.column('id')} DESC`,
  };
  queries.set(dataSource, sql);
  return sql;
}

function withCohorts(dataSource: DataSource, rows: Record<string, unknown>[]): Enrolment[] {
  const enrolment = entityColumns(dataSource, Enrolment, 'enrolment');
  const cohort = entityColumns(dataSource, 'Cohort', 'cohort');
  return rows.map((row) => {
    const entity = enrolment.hydrate(row) as Enrolment;
    entity.cohort = cohort.hydrate(row) as Enrolment['cohort'];
    return entity;
  });
}

/** The learner's active enrolment in the course, with its cohort (at most one: a unique index says so). */
export async function activeEnrolmentWithCohort(dataSource: DataSource, userId: number, courseId: number): Promise<Enrolment | null> {
  const rows = await readRows(dataSource, sqlFor(dataSource).active, [userId, courseId]);
  return withCohorts(dataSource, rows)[0] ?? null;
}

/** The learner's active and pending enrolments, newest first, with their cohorts. */
export async function currentEnrolmentsWithCohorts(dataSource: DataSource, userId: number): Promise<Enrolment[]> {
  return withCohorts(dataSource, await readRows(dataSource, sqlFor(dataSource).current, [userId]));
}
