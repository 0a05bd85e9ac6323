import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { entityColumns, parameter, placeholders, readRows } from '../database/raw-read';
import { learnerCourseKey, PreTestScores, type TestKind } from '../progress/pre-test-scores';
import { pairGroupCondition, pairGroups } from '../progress/raw-rows';
import { QuizAttempt } from './entities/quiz-attempt.entity';

/** The progress read model's first-attempt scores, read from the attempts (the first submitted pre-test or post-test counts). */
@Injectable()
export class PreTestScoresFromAttempts extends PreTestScores {
  private firstScoresSql: string | undefined;

  constructor(@InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>) {
    super();
  }

  async firstScore(userId: number, courseId: number, kind: TestKind = 'pre'): Promise<number | null> {
    const attempt = await this.attempts.findOne({
      where: { userId, courseId, kind, status: 'submitted' },
      order: { attemptNumber: 'ASC' },
    });
    return attempt?.score ?? null;
  }

  async firstScoresOfLearner(userId: number, courseId: number): Promise<{ pre: number | null; post: number | null }> {
    // Every signed-in course and module page of a course with a pre- or post-test asks: raw SQL written once (database/raw-read.ts).
    const dataSource = this.attempts.manager.connection;
    const attempt = entityColumns(dataSource, QuizAttempt, 'attempt');
    const column = (property: keyof QuizAttempt & string) => `"attempt".${attempt.column(property)}`;
    this.firstScoresSql ??=
      `SELECT ${column('kind')} AS "kind", ${column('score')} AS "score" FROM ${attempt.table} "attempt"` +
      ` WHERE ${column('userId')} = ${parameter(dataSource, 1)} AND ${column('courseId')} = ${parameter(dataSource, 2)}` +
      ` AND ${column('kind')} IN ('pre', 'post') AND ${column('status')} = 'submitted' ORDER BY ${column('attemptNumber')} ASC`;
    const rows = (await readRows(dataSource, this.firstScoresSql, [userId, courseId])) as { kind: string; score: number | string | null }[];
    // PostgreSQL may hand a float column back as text; scores are numbers everywhere else.
    const first = (kind: TestKind) => {
      const score = rows.find((row) => row.kind === kind)?.score;
      return score === null || score === undefined ? null : Number(score);
    };
    return { pre: first('pre'), post: first('post') };
  }

  /**
   * Plain statements for exactly the pairs asked (see pairGroups; a roster page
   * asks for a thousand): no entity built, the lowest attempt number of each pair wins.
   */
  async firstScores(pairs: { userId: number; courseId: number }[], kind: TestKind = 'pre'): Promise<Map<string, number | null>> {
    const result = new Map<string, number | null>();
    const dataSource = this.attempts.manager.connection;
    for (const group of pairGroups(pairs)) {
      const where = pairGroupCondition(dataSource, group, 2);
      const rows: { userId: number | string; courseId: number | string; score: number | string | null }[] = await dataSource.query(
        `SELECT "userId", "courseId", score FROM quiz_attempt
          WHERE kind = ${placeholders(dataSource, 1)} AND status = ${placeholders(dataSource, 1, 1)} AND ${where.sql}
          ORDER BY "attemptNumber" ASC`,
        [kind, 'submitted', ...where.parameters],
      );
      for (const row of rows) {
        const key = learnerCourseKey(Number(row.userId), Number(row.courseId));
        if (!result.has(key)) result.set(key, row.score === null ? null : Number(row.score));
      }
    }
    return result;
  }
}
