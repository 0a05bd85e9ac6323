import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { learnerCourseKey, PreTestScores, type TestKind } from '../progress/pre-test-scores';
import { pairGroupCondition, pairGroups, placeholders } from '../progress/raw-rows';
import { QuizAttempt } from './entities/quiz-attempt.entity';

/** The progress read model's first-attempt scores, read from the attempts (the first submitted pre-test or post-test counts). */
@Injectable()
export class PreTestScoresFromAttempts extends PreTestScores {
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
    const rows = await this.attempts.find({
      select: { id: true, kind: true, attemptNumber: true, score: true },
      where: { userId, courseId, kind: In(['pre', 'post']), status: 'submitted' },
      order: { attemptNumber: 'ASC' },
    });
    const first = (kind: TestKind) => rows.find((row) => row.kind === kind)?.score ?? null;
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
