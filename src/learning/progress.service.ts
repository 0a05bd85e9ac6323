import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { CourseModule } from '../content/entities/course-module.entity';
import { Course } from '../content/entities/course.entity';
import { QuizAttempt } from '../quizzes/entities/quiz-attempt.entity';
import { CourseContentService, LessonEntry } from './course-content.service';
import { Enrolment } from './entities/enrolment.entity';
import { ModuleProgress } from './entities/module-progress.entity';
import {
  checkCompletion, CompletionCheck, CompletionFacts, isModuleDone, isPostTestOpen, ModuleState, nextStep, NextStep, progressSteps, ProgressSteps, effectiveRule,
} from './progress/completion-rule';

export interface LessonProgress extends LessonEntry {
  state: ModuleState;
  done: boolean;
  quizScore: number | null;
}

/** Everything the course page, the dashboard and the completion rule need about one learner in one course. */
export interface CourseProgress {
  lessons: LessonProgress[];
  facts: CompletionFacts;
  check: CompletionCheck;
  steps: ProgressSteps;
  next: NextStep;
  /** Anything recorded yet (a module marked or a quiz started). */
  started: boolean;
  assessment: CourseModule | null;
  preTest: { offered: boolean; score: number | null; available: boolean };
  postTest: { offered: boolean; open: boolean; score: number | null; passed: boolean };
}

/** Learner progress by module: read for pages, written when a module is marked or a quiz graded. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectRepository(ModuleProgress) private readonly progress: Repository<ModuleProgress>,
    @InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>,
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    private readonly content: CourseContentService,
    private readonly clock: Clock,
  ) {}

  async courseProgress(userId: number, course: Course, language: string, lastModuleKey: string | null = null): Promise<CourseProgress> {
    const [entries, assessment, rows, preAttempt] = await Promise.all([
      this.content.lessons(course, language),
      this.content.findAssessment(course),
      this.progress.findBy({ userId, courseId: course.id }),
      this.attempts.findOne({ where: { userId, courseId: course.id, kind: 'pre', status: 'submitted' }, order: { attemptNumber: 'ASC' } }),
    ]);
    const rowFor = (moduleId: number | undefined) => rows.find((row) => row.moduleId === moduleId);
    const hasPreTest = course.hasPreTest && assessment !== null;
    const hasPostTest = course.hasPostTest && assessment !== null;
    const postRow = rowFor(assessment?.id);
    const states = entries.map((entry): ModuleState => {
      const row = rowFor(entry.module.id);
      return { key: entry.module.key, hasQuiz: entry.questionCount > 0, completed: !!row?.completedAt, quizPassed: !!row?.quizPassed };
    });
    const lessonIds = new Set(entries.map((entry) => entry.module.id));
    const started = rows.some((row) => lessonIds.has(row.moduleId));
    // The pre-test is a baseline: offered until the learner starts on the modules, one attempt.
    const preTestAvailable = hasPreTest && !preAttempt && !started;
    const facts: CompletionFacts = {
      rule: course.completionRule,
      modules: states,
      hasPostTest,
      postTest: { taken: postRow?.quizScore != null, passed: !!postRow?.quizPassed },
      lastModuleKey,
      preTestAvailable,
    };
    const rule = effectiveRule(facts.rule, hasPostTest);
    return {
      lessons: entries.map((entry, index) => ({ ...entry, state: states[index], done: isModuleDone(states[index], rule), quizScore: rowFor(entry.module.id)?.quizScore ?? null })),
      facts,
      check: checkCompletion(facts),
      steps: progressSteps(facts),
      next: nextStep(facts),
      started,
      assessment,
      preTest: { offered: hasPreTest, score: preAttempt?.score ?? null, available: preTestAvailable },
      postTest: { offered: hasPostTest, open: isPostTestOpen(facts), score: postRow?.quizScore ?? null, passed: !!postRow?.quizPassed },
    };
  }

  /** Marks a module as complete once; repeating it (double click, two tabs) changes nothing. */
  async markComplete(userId: number, courseId: number, moduleId: number): Promise<void> {
    await this.ensureRow(userId, courseId, moduleId);
    await this.progress.update({ userId, courseId, moduleId, completedAt: IsNull() }, { completedAt: this.clock.now() });
  }

  /** Stores a quiz's grade across attempts (the post-test's on the assessment module's row). */
  async recordQuizGrade(userId: number, courseId: number, moduleId: number, grade: { score: number; passed: boolean } | null): Promise<void> {
    await this.ensureRow(userId, courseId, moduleId);
    await this.progress.update({ userId, courseId, moduleId }, { quizScore: grade?.score ?? null, quizPassed: grade?.passed ?? false });
  }

  /** Where the learner last acted and when, on the active enrolment (for "continue" and for reports). */
  async touch(enrolmentId: number, moduleKey: string | null): Promise<void> {
    const now = this.clock.now();
    await this.enrolments.update({ id: enrolmentId }, moduleKey ? { lastModuleKey: moduleKey, lastActivityAt: now } : { lastActivityAt: now });
  }

  /** Creates the learner's row for a module if missing; safe when two requests race (insert or ignore). */
  async ensureRow(userId: number, courseId: number, moduleId: number): Promise<void> {
    await this.progress.createQueryBuilder().insert().into(ModuleProgress).values({ userId, courseId, moduleId, quizPassed: false }).orIgnore().execute();
  }
}
