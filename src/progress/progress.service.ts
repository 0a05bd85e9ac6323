import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { entityColumns, parameter, readRows } from '../database/raw-read';
import { Course } from '../content/entities/course.entity';
import { PublishedContentService } from '../content/published-content.service';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { chunks } from '../enrolments/enrolments.service';
import { CourseProgress, courseProgressFrom, LearnerProgressSummary, ProgressRow, summaryFrom } from './course-progress';
import { ModuleProgress } from './module-progress.entity';
import { learnerCourseKey, PreTestScores } from './pre-test-scores';
import { hydrator, pairGroupCondition, pairGroups } from './raw-rows';

export type { CourseProgress, LessonProgress, LearnerProgressSummary } from './course-progress';

/** What the read model needs of an enrolment: an entity, or a plain roster line. */
export type ProgressEnrolment = Pick<
  Enrolment,
  'id' | 'userId' | 'courseId' | 'cohortId' | 'completedAt' | 'lastActivityAt' | 'lastModuleKey'
>;

/** A module_progress row as the read model reads it (plain data, keyed by learner and course). */
interface StoredProgressRow extends ProgressRow {
  userId: number;
  courseId: number;
}

/**
 * The one progress read model (modules done, quizzes passed, percent, next
 * step, pre/post scores, knowledge gain, completion) and the writes to
 * module_progress. The learner's pages, the staff lists, rosters and
 * certificates all read it, computed by the same pure functions.
 */
@Injectable()
export class ProgressService {
  private rowsOfLearnerSql: string | undefined;
  private recordGradeSql: string | undefined;

  constructor(
    @InjectRepository(ModuleProgress) private readonly progress: Repository<ModuleProgress>,
    private readonly enrolments: EnrolmentsService,
    private readonly content: PublishedContentService,
    private readonly preTests: PreTestScores,
    private readonly clock: Clock,
  ) {}

  async courseProgress(userId: number, course: Course, language: string, lastModuleKey: string | null = null): Promise<CourseProgress> {
    const [lessons, assessment] = await Promise.all([this.content.lessons(course, language), this.content.findAssessment(course)]);
    const [rows, firstScores] = await Promise.all([
      this.rowsOfLearner(userId, course.id),
      // No pre- or post-test, no score to look up; both first scores in one statement otherwise.
      (course.hasPreTest || course.hasPostTest) && assessment
        ? this.preTests.firstScoresOfLearner(userId, course.id)
        : { pre: null, post: null },
    ]);
    return courseProgressFrom({
      course,
      lessons,
      assessment,
      rows,
      preTestScore: firstScores.pre,
      postTestFirstScore: firstScores.post,
      lastModuleKey,
    });
  }

  /** One learner's progress in several courses (My courses), keyed by course id, in three statements whatever their number. */
  async courseProgressOfLearner(
    userId: number,
    items: { course: Course; language: string; lastModuleKey: string | null }[],
  ): Promise<Map<number, CourseProgress>> {
    const result = new Map<number, CourseProgress>();
    if (!items.length) return result;
    const courseIds = items.map((item) => item.course.id);
    const languages = new Map(items.map((item) => [item.course.id, item.language]));
    const [lessons, assessments] = await Promise.all([
      this.content.lessonsOfCourses(
        items.map((item) => item.course),
        (course) => languages.get(course.id) ?? course.languages[0] ?? 'es',
      ),
      this.content.assessmentsOfCourses(courseIds),
    ]);
    const pairsWith = (has: (course: Course) => boolean) =>
      items.filter((item) => has(item.course) && assessments.has(item.course.id)).map((item) => ({ userId, courseId: item.course.id }));
    const [pres, posts] = [pairsWith((course) => course.hasPreTest), pairsWith((course) => course.hasPostTest)];
    const none = new Map<string, number | null>();
    const [rows, preTests, postTests] = await Promise.all([
      this.rowsFor([userId], courseIds),
      pres.length ? this.preTests.firstScores(pres, 'pre') : none,
      posts.length ? this.preTests.firstScores(posts, 'post') : none,
    ]);
    for (const { course, lastModuleKey } of items) {
      result.set(
        course.id,
        courseProgressFrom({
          course,
          lessons: lessons.get(course.id) ?? [],
          assessment: assessments.get(course.id) ?? null,
          rows: rows.filter((row) => row.courseId === course.id),
          preTestScore: preTests.get(learnerCourseKey(userId, course.id)) ?? null,
          postTestFirstScore: postTests.get(learnerCourseKey(userId, course.id)) ?? null,
          lastModuleKey,
        }),
      );
    }
    return result;
  }

  /**
   * The progress summaries of many enrolments, keyed by enrolment id, in a
   * fixed number of queries per course whatever their count (IN lists of at most 500).
   * Unknown ids are left out.
   */
  async summariesForEnrolments(enrolmentIds: number[]): Promise<Map<number, LearnerProgressSummary>> {
    return this.summariesForEnrolmentRows(await this.enrolments.findByIds(enrolmentIds));
  }

  /** The same, for enrolment rows the caller already read (a roster page): no second read of the enrolments. */
  async summariesForEnrolmentRows(enrolments: readonly ProgressEnrolment[]): Promise<Map<number, LearnerProgressSummary>> {
    const result = new Map<number, LearnerProgressSummary>();
    if (!enrolments.length) return result;
    const courseIds = [...new Set(enrolments.map((enrolment) => enrolment.courseId))];
    const courses = new Map((await this.content.coursesByIds(courseIds)).map((course) => [course.id, course]));
    const pairs = enrolments.map(({ userId, courseId }) => ({ userId, courseId }));
    const [lessons, assessments, rows, preTests, postTests] = await Promise.all([
      // Counted in the course's first language, as the completion rule does.
      this.content.lessonsOfCourses([...courses.values()], (course) => course.languages[0] ?? 'es'),
      this.content.assessmentsOfCourses(courseIds),
      this.rowsOfPairs(pairs),
      this.preTests.firstScores(pairs, 'pre'),
      this.preTests.firstScores(pairs, 'post'),
    ]);
    const rowsByKey = new Map<string, StoredProgressRow[]>();
    for (const row of rows) {
      const key = learnerCourseKey(row.userId, row.courseId);
      const mine = rowsByKey.get(key);
      if (mine) mine.push(row);
      else rowsByKey.set(key, [row]);
    }
    for (const enrolment of enrolments) {
      const course = courses.get(enrolment.courseId);
      if (!course) continue;
      const key = learnerCourseKey(enrolment.userId, enrolment.courseId);
      const mine = rowsByKey.get(key) ?? [];
      const progress = courseProgressFrom({
        course,
        lessons: lessons.get(course.id) ?? [],
        assessment: assessments.get(course.id) ?? null,
        rows: mine,
        preTestScore: preTests.get(key) ?? null,
        postTestFirstScore: postTests.get(key) ?? null,
        lastModuleKey: enrolment.lastModuleKey,
      });
      result.set(enrolment.id, summaryFrom(enrolment, progress, mine));
    }
    return result;
  }

  /** The summary of one enrolment (null when it does not exist). */
  async summaryForEnrolment(enrolmentId: number): Promise<LearnerProgressSummary | null> {
    return (await this.summariesForEnrolments([enrolmentId])).get(enrolmentId) ?? null;
  }

  /** Marks a module as complete once; repeating it (double click, two tabs) changes nothing. */
  async markComplete(userId: number, courseId: number, moduleId: number): Promise<void> {
    await this.ensureRow(userId, courseId, moduleId);
    await this.progress.update({ userId, courseId, moduleId, completedAt: IsNull() }, { completedAt: this.clock.now() });
  }

  /** Stores a quiz's grade across attempts (the post-test's on the assessment module's row). */
  async recordQuizGrade(
    userId: number,
    courseId: number,
    moduleId: number,
    grade: { score: number; passed: boolean } | null,
  ): Promise<void> {
    // One statement: the row is created with the grade, or the existing row gets it (the unique key decides).
    const dataSource = this.progress.manager.connection;
    const row = entityColumns(dataSource, ModuleProgress, 'progress');
    const p = (n: number) => parameter(dataSource, n);
    const [user, course, module, score, passed, createdAt, updatedAt] = (
      ['userId', 'courseId', 'moduleId', 'quizScore', 'quizPassed', 'createdAt', 'updatedAt'] as const
    ).map((property) => row.column(property));
    this.recordGradeSql ??=
      `INSERT INTO ${row.table} (${user}, ${course}, ${module}, ${score}, ${passed}, ${createdAt}, ${updatedAt})` +
      ` VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)` +
      ` ON CONFLICT (${user}, ${course}, ${module}) DO UPDATE SET ${score} = excluded.${score}, ${passed} = excluded.${passed},` +
      ` ${updatedAt} = CURRENT_TIMESTAMP`;
    const passedValue = grade?.passed ?? false;
    await dataSource.query(this.recordGradeSql, [
      userId,
      courseId,
      moduleId,
      grade?.score ?? null,
      // SQLite keeps booleans as 0/1.
      dataSource.options.type === 'postgres' ? passedValue : passedValue ? 1 : 0,
    ]);
  }

  /** Where the learner last acted and when, on the active enrolment (for "continue" and for reports). */
  async touch(enrolmentId: number, moduleKey: string | null): Promise<void> {
    await this.enrolments.recordActivity(enrolmentId, this.clock.now(), moduleKey);
  }

  /** Creates the learner's row for a module if missing; safe when two requests race (insert or ignore). */
  async ensureRow(userId: number, courseId: number, moduleId: number): Promise<void> {
    await this.progress
      .createQueryBuilder()
      .insert()
      .into(ModuleProgress)
      .values({ userId, courseId, moduleId, quizPassed: false })
      .orIgnore()
      .updateEntity(false) // no SELECT of the defaults afterwards
      .execute();
  }

  /** The learner's rows in one course: every signed-in course and module page reads them (raw SQL written once, see database/raw-read.ts). */
  private async rowsOfLearner(userId: number, courseId: number): Promise<ModuleProgress[]> {
    const dataSource = this.progress.manager.connection;
    const row = entityColumns(dataSource, ModuleProgress, 'progress');
    this.rowsOfLearnerSql ??=
      `SELECT ${row.select} FROM ${row.table} "progress"` +
      ` WHERE "progress".${row.column('userId')} = ${parameter(dataSource, 1)} AND "progress".${row.column('courseId')} = ${parameter(dataSource, 2)}`;
    const rows = await readRows(dataSource, this.rowsOfLearnerSql, [userId, courseId]);
    return rows.map((raw) => row.hydrate(raw) as ModuleProgress);
  }

  private async rowsFor(userIds: number[], courseIds: number[]): Promise<ModuleProgress[]> {
    const result: ModuleProgress[] = [];
    for (const users of chunks(userIds)) {
      for (const courses of chunks(courseIds)) result.push(...(await this.progress.findBy({ userId: In(users), courseId: In(courses) })));
    }
    return result;
  }

  /**
   * The module_progress rows of exactly these learner-course pairs, in the
   * few statements of pairGroups: raw columns, the dates and the flag
   * converted by the driver as TypeORM converts them for an entity (no entity is
   * built: a roster export reads a hundred thousand of these).
   */
  private async rowsOfPairs(pairs: readonly { userId: number; courseId: number }[]): Promise<StoredProgressRow[]> {
    const result: StoredProgressRow[] = [];
    const dataSource = this.progress.manager.connection;
    const [completedAt, updatedAt, quizPassed] = [
      hydrator(this.progress, 'completedAt'),
      hydrator(this.progress, 'updatedAt'),
      hydrator(this.progress, 'quizPassed'),
    ];
    for (const group of pairGroups(pairs)) {
      const where = pairGroupCondition(dataSource, group);
      const raw: Record<keyof StoredProgressRow, unknown>[] = await dataSource.query(
        `SELECT "userId", "courseId", "moduleId", "completedAt", "quizScore", "quizPassed", "updatedAt" FROM module_progress WHERE ${where.sql}`,
        where.parameters,
      );
      for (const row of raw)
        result.push({
          userId: Number(row.userId),
          courseId: Number(row.courseId),
          moduleId: Number(row.moduleId),
          completedAt: completedAt(row.completedAt) as Date | null,
          quizScore: row.quizScore === null ? null : Number(row.quizScore),
          quizPassed: quizPassed(row.quizPassed) === true,
          updatedAt: (updatedAt(row.updatedAt) as Date | null) ?? undefined,
        });
    }
    return result;
  }
}
