import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { chunks } from '../enrolments/enrolments.service';
import { learnerCourseKey, PreTestScores, type TestKind } from '../progress/pre-test-scores';
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
