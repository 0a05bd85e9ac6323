import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { entityColumns, parameter, readRows } from '../database/raw-read';
import { chunks } from '../enrolments/enrolments.service';
import { learnerCourseKey, PreTestScores, type TestKind } from '../progress/pre-test-scores';
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

  async firstScores(pairs: { userId: number; courseId: number }[], kind: TestKind = 'pre'): Promise<Map<string, number | null>> {
    const result = new Map<string, number | null>();
    const wanted = new Set(pairs.map((pair) => learnerCourseKey(pair.userId, pair.courseId)));
    const userIds = [...new Set(pairs.map((pair) => pair.userId))];
    const courseIds = [...new Set(pairs.map((pair) => pair.courseId))];
    for (const users of chunks(userIds)) {
      for (const courses of chunks(courseIds)) {
        const rows = await this.attempts.find({
          select: { id: true, userId: true, courseId: true, attemptNumber: true, score: true },
          where: { userId: In(users), courseId: In(courses), kind, status: 'submitted' },
          order: { attemptNumber: 'ASC' },
        });
        for (const row of rows) {
          const key = learnerCourseKey(row.userId, row.courseId);
          if (wanted.has(key) && !result.has(key)) result.set(key, row.score ?? null);
        }
      }
    }
    return result;
  }
}
