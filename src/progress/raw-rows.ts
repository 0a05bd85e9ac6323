import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Repository, ObjectLiteral } from 'typeorm';
import { placeholders } from '../database/raw-read';
import { chunks } from '../enrolments/enrolments.service';

/**
 * Plain-row reads for the read model's batch paths (rosters read a hundred
 * thousand rows): hand-written, parameterised SQL that runs on SQLite and
 * PostgreSQL, no entity built. Values are converted by the driver exactly as
 * TypeORM converts them when it loads an entity.
 */

/** Learners and courses whose every combination is one of the pairs asked for. */
export interface PairGroup {
  userIds: number[];
  courseIds: number[];
}

/**
 * These learner-course pairs as few exact groups: per course (its learners,
 * 500 at most) for a roster page of many learners in a few courses, or per
 * learner (their courses) for one learner in several courses (My courses);
 * whichever gives fewer statements. Nothing outside the pairs is read.
 */
export function pairGroups(pairs: readonly { userId: number; courseId: number }[]): PairGroup[] {
  const byCourse = new Map<number, Set<number>>();
  const byUser = new Map<number, Set<number>>();
  const add = (map: Map<number, Set<number>>, key: number, value: number) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  for (const { userId, courseId } of pairs) {
    add(byCourse, courseId, userId);
    add(byUser, userId, courseId);
  }
  if (byUser.size < byCourse.size)
    return [...byUser].flatMap(([userId, courses]) => chunks([...courses]).map((courseIds) => ({ userIds: [userId], courseIds })));
  return [...byCourse].flatMap(([courseId, users]) => chunks([...users]).map((userIds) => ({ userIds, courseIds: [courseId] })));
}

/** `"userId" IN (…) AND "courseId" IN (…)` for one group, its parameters placed after `before` others. */
export function pairGroupCondition(dataSource: DataSource, group: PairGroup, before = 0): { sql: string; parameters: number[] } {
  const users = placeholders(dataSource, group.userIds.length, before);
  const courses = placeholders(dataSource, group.courseIds.length, before + group.userIds.length);
  return { sql: `"userId" IN (${users}) AND "courseId" IN (${courses})`, parameters: [...group.userIds, ...group.courseIds] };
}

/** Converts one raw value of a column as TypeORM would for an entity (dates, booleans). */
export function hydrator<T extends ObjectLiteral>(repository: Repository<T>, property: string & keyof T) {
  const column: ColumnMetadata | undefined = repository.metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${repository.metadata.tableName} has no column ${property}`);
  const driver = repository.manager.connection.driver;
  return (value: unknown): unknown => (value === null || value === undefined ? null : driver.prepareHydratedValue(value, column));
}
