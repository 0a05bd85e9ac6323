import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { CompletionService } from '../progress/completion.service';
import { assertCanRecord, CourseAccess, CourseAccessService, Viewer } from '../learning/course-access.service';
import { PublishedContentService } from '../content/published-content.service';
import { ProgressService } from '../progress/progress.service';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { readAnswers } from './grading/answers';
import { gradeAnswers, overallGrade } from './grading/grade';
import { buildLayout } from './grading/layout';
import { deadlineFor, isLate, recordedScore } from './grading/timing';
import { AnswersNotAcceptedError, problemMessage, QuizRefusedError } from './quiz-errors';
import { QuizResolver, QuizTarget, ResolvedQuiz } from './quiz-resolver.service';

export interface SubmitInput {
  answers?: unknown;
  confirmIncomplete?: string;
}

/** A quiz with the viewer's access to its course, read once per request. */
export interface LoadedQuiz {
  access: CourseAccess;
  quiz: ResolvedQuiz;
}

export type SubmitOutcome =
  | { kind: 'graded'; attemptId: number; passed: boolean; late: boolean; newlyCompleted: boolean }
  | { kind: 'alreadySubmitted'; attemptId: number };

/** Starting and submitting attempts. Grading is pure (grading/); this service decides when and records once. */
@Injectable()
export class AttemptsService {
  constructor(
    @InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>,
    private readonly access: CourseAccessService,
    private readonly resolver: QuizResolver,
    private readonly content: PublishedContentService,
    private readonly progress: ProgressService,
    private readonly completion: CompletionService,
    private readonly clock: Clock,
  ) {}

  /** Access first (404 for anyone who may not read the course), then the quiz. */
  async load(viewer: Viewer, slug: string, target: QuizTarget, language?: string): Promise<LoadedQuiz> {
    const access = await this.access.requireReader(viewer, slug, language);
    return { access, quiz: await this.resolver.resolve(access, target) };
  }

  /** The learner's attempts at one quiz, oldest first. */
  listFor(userId: number, quiz: ResolvedQuiz): Promise<QuizAttempt[]> {
    return this.attempts.find({ where: { userId, moduleId: quiz.module.id, kind: quiz.kind }, order: { attemptNumber: 'ASC' } });
  }

  /** One of the viewer's own attempts at this quiz, or 404 (also for someone else's attempt). */
  async findOwn(viewer: Viewer, quiz: ResolvedQuiz, attemptId: number): Promise<QuizAttempt> {
    const attempt = viewer
      ? await this.attempts.findOneBy({ id: attemptId, userId: viewer.id, moduleId: quiz.module.id, kind: quiz.kind })
      : null;
    if (!attempt) throw new NotFoundException();
    return attempt;
  }

  /** Resumes the open attempt, or starts a new one if the quiz allows it (on a quiz loaded by `load`). Returns the attempt id. */
  async start({ access, quiz }: LoadedQuiz): Promise<number> {
    assertCanRecord(access);
    const { enrolment, course } = access;
    const userId = enrolment.userId;
    const existing = await this.listFor(userId, quiz);
    const open = existing.find((attempt) => attempt.status === 'open');
    if (open && !isLate(open.deadlineAt, this.clock.now())) return open.id;
    if (open) await this.closeExpired(open, access, quiz);
    await this.assertAvailable(access, quiz);
    if (quiz.settings.maxAttempts > 0 && existing.length >= quiz.settings.maxAttempts)
      throw new QuizRefusedError('quizzes.errors.noAttemptsLeft');
    const startedAt = this.clock.now();
    const questions = quiz.version.questions;
    // INSERT ... ON CONFLICT DO NOTHING (INSERT OR IGNORE on SQLite), no wrapping transaction: when another
    // request (double click, second tab, second instance) started an attempt first, the unique indexes
    // make this insert a no-op and that attempt is the one to use.
    const inserted = await this.attempts
      .createQueryBuilder()
      .insert()
      .into(QuizAttempt)
      .values({
        userId,
        courseId: course.id,
        moduleId: quiz.module.id,
        moduleVersionId: quiz.version.id,
        kind: quiz.kind,
        attemptNumber: existing.length + 1,
        status: 'open',
        language: quiz.version.language,
        layout: buildLayout(questions, quiz.settings.shuffle, randomInt(0, 2 ** 31 - 1)),
        answers: null,
        startedAt,
        deadlineAt: deadlineFor(startedAt, quiz.settings.timeLimitMinutes),
        submittedAt: null,
        late: false,
        questionCount: questions.length,
        correctCount: null,
        score: null,
        passed: null,
        passMark: quiz.settings.passMark,
      })
      .orIgnore()
      .execute();
    const winner = await this.attempts.findOneBy({ userId, moduleId: quiz.module.id, kind: quiz.kind, status: 'open' });
    if (!winner) throw new QuizRefusedError('quizzes.errors.tryAgain');
    const createdId: unknown = inserted.identifiers[0]?.id;
    if (createdId !== undefined && Number(createdId) === winner.id) {
      if (quiz.kind === 'module') await this.progress.ensureRow(userId, course.id, quiz.module.id);
      await this.progress.touch(enrolment.id, quiz.kind === 'module' ? quiz.module.key : null);
    }
    return winner.id;
  }

  /**
   * Grades and records an open attempt exactly once. The write is a conditional
   * UPDATE ... WHERE status = 'open': of two submissions of the same attempt
   * (double click, replay, two tabs, two instances) only one changes the row;
   * the other is told the attempt was already submitted.
   */
  async submit(viewer: Viewer, { access, quiz }: LoadedQuiz, attemptId: number, input: SubmitInput): Promise<SubmitOutcome> {
    const attempt = await this.findOwn(viewer, quiz, attemptId);
    if (attempt.status !== 'open') return { kind: 'alreadySubmitted', attemptId };
    const version = await this.content.findVersion(attempt.moduleVersionId);
    if (!version) throw new NotFoundException();
    const now = this.clock.now();
    const late = isLate(attempt.deadlineAt, now);
    const read = readAnswers(attempt.layout, version.questions, input.answers);
    if (read.problems.length > 0) throw new AnswersNotAcceptedError(read.problems.map(problemMessage), read.answers, false);
    // Unanswered questions are usually a slip: ask once. After the deadline there is nothing left to ask.
    if (read.missing.length > 0 && !late && input.confirmIncomplete !== '1') {
      throw new AnswersNotAcceptedError(
        [{ key: 'quizzes.problems.incomplete', params: { numbers: read.missing.join(', '), count: read.missing.length } }],
        read.answers,
        true,
      );
    }
    const order = new Map(attempt.layout.map((entry, index) => [entry.questionId, index]));
    const ordered = [...version.questions].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const grade = gradeAnswers(ordered, read.answers, attempt.passMark);
    const recorded = recordedScore(grade, late);
    const result = await this.attempts.update(
      { id: attempt.id, status: 'open' },
      {
        status: 'submitted',
        submittedAt: now,
        late,
        answers: read.answers,
        correctCount: grade.correctCount,
        score: recorded.score,
        passed: recorded.passed,
      },
    );
    if ((result.affected ?? 0) === 0) return { kind: 'alreadySubmitted', attemptId };
    const outcome = await this.afterGrading(access, quiz, attempt.userId);
    return { kind: 'graded', attemptId, passed: recorded.passed, late, newlyCompleted: outcome.newlyCompleted };
  }

  /**
   * Keeps what the learner has ticked so far on an open attempt (the attempt is the same in
   * every language), so switching language in the middle of a quiz loses nothing. Only valid
   * answers are kept; nothing is graded. Returns the quiz, so the caller need not load it again.
   */
  async saveDraft(viewer: Viewer, slug: string, target: QuizTarget, attemptId: number, raw: unknown): Promise<ResolvedQuiz> {
    const { quiz } = await this.load(viewer, slug, target);
    const attempt = await this.findOwn(viewer, quiz, attemptId);
    if (attempt.status !== 'open') return quiz;
    const version = await this.content.findVersion(attempt.moduleVersionId);
    if (!version) throw new NotFoundException();
    const read = readAnswers(attempt.layout, version.questions, raw);
    if (read.problems.some((problem) => problem.code === 'badShape')) return quiz;
    await this.attempts.update({ id: attempt.id, status: 'open' }, { answers: read.answers });
    return quiz;
  }

  /** The pre-test is only for a fresh start; the post-test opens once the modules are done. */
  private async assertAvailable(access: CourseAccess & { enrolment: { userId: number } }, quiz: ResolvedQuiz): Promise<void> {
    if (quiz.kind === 'module') return;
    const progress = await this.progress.courseProgress(access.enrolment.userId, access.course, access.language);
    if (quiz.kind === 'pre' && !progress.preTest.available) throw new QuizRefusedError('quizzes.errors.preTestClosed');
    if (quiz.kind === 'post' && !progress.postTest.open) throw new QuizRefusedError('quizzes.errors.postTestLocked');
  }

  /** An attempt left open past its deadline is closed as late (0%) before a new one starts. */
  private async closeExpired(open: QuizAttempt, access: CourseAccess, quiz: ResolvedQuiz): Promise<void> {
    const result = await this.attempts.update(
      { id: open.id, status: 'open' },
      { status: 'submitted', submittedAt: this.clock.now(), late: true, answers: {}, correctCount: 0, score: 0, passed: false },
    );
    if ((result.affected ?? 0) > 0) await this.afterGrading(access, quiz, open.userId);
  }

  /** Keeps the stored grades in step with the attempts, then lets the completion rule decide. */
  private async afterGrading(access: CourseAccess, quiz: ResolvedQuiz, userId: number) {
    const courseId = access.course.id;
    if (quiz.kind !== 'pre') {
      const submitted = await this.attempts.findBy({ userId, moduleId: quiz.module.id, kind: quiz.kind, status: 'submitted' });
      const overall = overallGrade(
        submitted.map((attempt) => ({ ...attempt, score: attempt.score ?? 0, passed: !!attempt.passed })),
        quiz.settings.grading,
      );
      await this.progress.recordQuizGrade(userId, courseId, quiz.module.id, overall);
    }
    if (access.enrolment) await this.progress.touch(access.enrolment.id, quiz.kind === 'module' ? quiz.module.key : null);
    return this.completion.markCompletedIfDone(userId, courseId, access.enrolment);
  }
}
