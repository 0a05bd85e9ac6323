import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CourseModule } from '../../content/entities/course-module.entity';
import { ModuleProgress } from '../../learning/entities/module-progress.entity';

export interface LearnerProgress {
  modulesDone: number;
  modulesTotal: number;
  /** Mean of the module quiz grades the learner has, in percent; null before any quiz. */
  quizAverage: number | null;
  quizzesPassed: number;
  lastProgressAt: Date | null;
}

/** Aggregates come back raw: PostgreSQL gives a Date, SQLite the UTC text TypeORM stored. */
function rawDate(value: Date | string | null): Date | null {
  if (!value) return null;
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2} \d/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
}

/**
 * Reads (never writes) the learning engineer's module_progress table for a
 * page of learners at once: progress is keyed by learner and course, so it is
 * the same whichever cohort they are in now.
 */
@Injectable()
export class LearnerProgressReader {
  constructor(
    @InjectRepository(ModuleProgress) private readonly progress: Repository<ModuleProgress>,
    @InjectRepository(CourseModule) private readonly modules: Repository<CourseModule>,
  ) {}

  async forLearners(courseId: number, userIds: number[]): Promise<Map<number, LearnerProgress>> {
    const result = new Map<number, LearnerProgress>();
    if (!userIds.length) return result;
    const modulesTotal = await this.modules.countBy({ courseId, kind: 'lesson', active: true });
    const rows = await this.progress.createQueryBuilder('progress')
      .innerJoin(CourseModule, 'module', "module.id = progress.moduleId AND module.kind = 'lesson' AND module.active = :active", { active: true })
      .select('progress.userId', 'userId')
      .addSelect('SUM(CASE WHEN progress.completedAt IS NOT NULL THEN 1 ELSE 0 END)', 'done')
      .addSelect('AVG(progress.quizScore)', 'quizAverage')
      .addSelect('SUM(CASE WHEN progress.quizPassed = :passed THEN 1 ELSE 0 END)', 'passed')
      .addSelect('MAX(progress.updatedAt)', 'lastAt')
      .where('progress.courseId = :courseId', { courseId, passed: true })
      .andWhere('progress.userId IN (:...userIds)', { userIds })
      .groupBy('progress.userId')
      .getRawMany<{ userId: number | string; done: number | string; quizAverage: number | string | null; passed: number | string; lastAt: Date | string | null }>();
    for (const row of rows) {
      result.set(Number(row.userId), {
        modulesDone: Number(row.done),
        modulesTotal,
        quizAverage: row.quizAverage === null ? null : Math.round(Number(row.quizAverage)),
        quizzesPassed: Number(row.passed),
        lastProgressAt: rawDate(row.lastAt),
      });
    }
    for (const userId of userIds) {
      if (!result.has(userId)) result.set(userId, { modulesDone: 0, modulesTotal, quizAverage: null, quizzesPassed: 0, lastProgressAt: null });
    }
    return result;
  }
}
