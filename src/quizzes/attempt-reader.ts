import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { QuizAttempt, QuizKind } from './entities/quiz-attempt.entity';

/** Read-only access to submitted attempts for reports (question analysis, a learner's own data). */
@Injectable()
export class AttemptReader {
  constructor(@InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>) {}

  /** Each learner's first submitted attempt at one quiz, optionally only for some learners. */
  async firstSubmitted(courseId: number, moduleId: number, kind: QuizKind, userIds?: number[]): Promise<QuizAttempt[]> {
    if (userIds && !userIds.length) return [];
    const rows: QuizAttempt[] = [];
    const batches = userIds
      ? Array.from({ length: Math.ceil(userIds.length / 500) }, (_, i) => userIds.slice(i * 500, i * 500 + 500))
      : [undefined];
    for (const batch of batches) {
      rows.push(
        ...(await this.attempts.find({
          where: { courseId, moduleId, kind, status: 'submitted', ...(batch ? { userId: In(batch) } : {}) },
          order: { userId: 'ASC', attemptNumber: 'ASC' },
        })),
      );
    }
    const seen = new Set<number>();
    return rows.filter((attempt) => !seen.has(attempt.userId) && seen.add(attempt.userId));
  }

  /** Every attempt of one learner, oldest first (their own-data export). */
  forLearner(userId: number): Promise<QuizAttempt[]> {
    return this.attempts.find({ where: { userId }, order: { id: 'ASC' } });
  }
}
