import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import type { MessageRef } from '../common/errors';
import { ModuleVersion } from '../content/entities/module-version.entity';
import { CourseAccess, CourseAccessService, Viewer } from '../learning/course-access.service';
import { PublishedContentService } from '../content/published-content.service';
import { courseSummary, links } from '../learning/learning.service';
import { pageLinks } from '../common/pagination';
import { translator } from '../i18n/i18n';
import { ProgressService } from '../progress/progress.service';
import { AttemptsService } from './attempts.service';
import { mayRevealAnswers } from './grading/reveal';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { lettersFor } from './grading/answers';
import { attemptsLeft, gradeAnswers, overallGrade } from './grading/grade';
import { fitsLayout } from './grading/layout';
import type { StoredAnswers } from './grading/quiz.types';
import { isLate, minutesLeft } from './grading/timing';
import { ResolvedQuiz, QuizTarget } from './quiz-resolver.service';
import { formQuestions, resultQuestions } from './quiz-view';

/** What the quiz page shows again after a refused submission. */
export interface ReturnedForm {
  messages: MessageRef[];
  answers: StoredAnswers;
  incomplete: boolean;
}

/** View models for the quiz page, a result and the attempt history. */
@Injectable()
export class QuizPagesService {
  constructor(
    @InjectRepository(QuizAttempt) private readonly attemptRows: Repository<QuizAttempt>,
    private readonly attempts: AttemptsService,
    private readonly access: CourseAccessService,
    private readonly content: PublishedContentService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  async quizPage(viewer: Viewer, slug: string, target: QuizTarget, language: string, returned?: ReturnedForm) {
    const { access, quiz } = await this.attempts.load(viewer, slug, target, language);
    const isLearner = access.decision.as === 'learner' && !!viewer;
    const attempts = isLearner && viewer ? await this.attempts.listFor(viewer.id, quiz) : [];
    const open = attempts.find((attempt) => attempt.status === 'open');
    const submitted = attempts.filter((attempt) => attempt.status === 'submitted');
    const left = attemptsLeft(quiz.settings.maxAttempts, attempts.length);
    const progress =
      isLearner && viewer && quiz.kind !== 'module' ? await this.progress.courseProgress(viewer.id, access.course, access.language) : null;
    const closedKey = this.closedKey(quiz, progress, left);
    const now = this.clock.now();
    return {
      ...this.header(access, quiz, language),
      isLearner,
      isStaff: access.decision.as === 'staff',
      readOnlyReason: access.decision.reason,
      open: open
        ? {
            number: open.attemptNumber,
            action: `${quiz.basePath}/attempts/${open.id}`,
            deadlineAt: open.deadlineAt,
            minutesLeft: minutesLeft(open.deadlineAt, now),
            expired: isLate(open.deadlineAt, now),
            // What was sent back with a problem, else what was ticked before a language switch (kept on the open attempt).
            questions: formQuestions(
              open.layout,
              (await this.displayVersion(open, access, quiz)).questions,
              lettersFor(open.layout, returned?.answers ?? open.answers ?? {}),
            ),
          }
        : null,
      // The header's language button submits the quiz form to this address, so ticked answers survive the switch.
      languageForm: open && access.decision.record ? { id: 'quiz-attempt', action: `${quiz.basePath}/attempts/${open.id}/language` } : null,
      returned: returned ?? null,
      canStart: isLearner && access.decision.record && !open && !closedKey,
      startAction: `${quiz.basePath}/start`,
      closedKey: isLearner && !open ? closedKey : null,
      attemptsLeft: left,
      attempts: attempts.map((attempt) => this.attemptRow(attempt, quiz)),
      overall: overallGrade(
        submitted.map((attempt) => ({ ...attempt, score: attempt.score ?? 0, passed: !!attempt.passed })),
        quiz.settings.grading,
      ),
      preTestScore: progress?.preTest.score ?? null,
    };
  }

  async result(viewer: Viewer, slug: string, target: QuizTarget, attemptId: number, language: string) {
    const { access, quiz } = await this.attempts.load(viewer, slug, target, language);
    const attempt = await this.attempts.findOwn(viewer, quiz, attemptId);
    if (attempt.status === 'open') return { redirect: quiz.basePath };
    const graded = await this.content.findVersion(attempt.moduleVersionId);
    const display = await this.displayVersion(attempt, access, quiz);
    const questions = graded?.questions ?? [];
    const results = gradeAnswers(questions, attempt.answers ?? {}, attempt.passMark).results;
    const all = await this.attempts.listFor(attempt.userId, quiz);
    const left = attemptsLeft(quiz.settings.maxAttempts, all.length);
    const progress = quiz.kind === 'module' ? null : await this.progress.courseProgress(attempt.userId, access.course, access.language);
    const passed = all.some((candidate) => candidate.status === 'submitted' && !!candidate.passed);
    const reveal = mayRevealAnswers({ kind: quiz.kind, showAnswers: quiz.settings.showAnswers, passed, attemptsLeft: left });
    return {
      ...this.header(access, quiz, language),
      attempt: this.attemptRow(attempt, quiz),
      questions: resultQuestions(attempt.layout, questions, display.questions, results, { reveal, showOutcome: quiz.kind !== 'pre' }),
      reveal,
      answersLater: quiz.kind === 'post' && quiz.settings.showAnswers && !reveal,
      attemptsLeft: left,
      canRetry: quiz.kind !== 'pre' && access.decision.record && left !== 0 && !attempt.passed,
      retryHref: quiz.basePath,
      scores: progress
        ? { pre: progress.preTest.score, post: progress.postTest.score, firstPost: progress.postTest.firstScore, gain: progress.gain }
        : null,
      // The attempt that completed the course leads straight to the end page (result, certificate, what next).
      endHref: access.decision.as === 'learner' && access.enrolment?.completedAt ? links.completed(access.course.slug) : null,
    };
  }

  /** Every attempt of the learner in the course, newest first, paged. */
  async history(viewer: Viewer, slug: string, page: number, language: string) {
    const access = await this.access.requireReader(viewer, slug, language);
    const pageSize = 50;
    const [rows, total] = viewer
      ? await this.attemptRows.findAndCount({
          where: { userId: viewer.id, courseId: access.course.id },
          order: { id: 'DESC' },
          skip: (page - 1) * pageSize,
          take: pageSize,
        })
      : [[], 0];
    const lessons = await this.content.lessons(access.course, language);
    const titles = new Map(lessons.map((entry) => [entry.module.id, { title: entry.title, key: entry.module.key }]));
    return {
      pageTitle: translator(language)('quizzes.history.title'),
      course: courseSummary(access),
      total,
      ...pageLinks(links.attempts(slug), {}, page, Math.max(1, Math.ceil(total / pageSize))),
      page,
      pageCount: Math.max(1, Math.ceil(total / pageSize)),
      attempts: rows.map((attempt) => {
        const lesson = titles.get(attempt.moduleId);
        const base =
          attempt.kind === 'module'
            ? `${links.module(slug, lesson?.key ?? '')}/quiz`
            : attempt.kind === 'pre'
              ? links.preTest(slug)
              : links.postTest(slug);
        return {
          ...this.attemptRow(attempt, null),
          kind: attempt.kind,
          moduleTitle: lesson?.title ?? null,
          href: attempt.status === 'open' ? base : `${base}/attempts/${attempt.id}`,
        };
      }),
    };
  }

  private header(access: CourseAccess, quiz: ResolvedQuiz, language: string) {
    return {
      pageTitle: quiz.kind === 'module' ? quiz.version.title : translator(language)(`quizzes.${quiz.kind}.title`),
      course: courseSummary(access),
      quiz: {
        kind: quiz.kind,
        isModule: quiz.kind === 'module',
        isPre: quiz.kind === 'pre',
        isPost: quiz.kind === 'post',
        title: quiz.version.title,
        basePath: quiz.basePath,
        backHref: quiz.backHref,
        questionCount: quiz.version.questions.length,
        settings: quiz.settings,
      },
    };
  }

  private attemptRow(attempt: QuizAttempt, quiz: ResolvedQuiz | null) {
    return {
      id: attempt.id,
      number: attempt.attemptNumber,
      open: attempt.status === 'open',
      startedAt: attempt.startedAt,
      submittedAt: attempt.submittedAt,
      score: attempt.score,
      passed: !!attempt.passed,
      late: attempt.late,
      correctCount: attempt.correctCount,
      questionCount: attempt.questionCount,
      passMark: attempt.passMark,
      href: quiz ? (attempt.status === 'open' ? quiz.basePath : `${quiz.basePath}/attempts/${attempt.id}`) : null,
    };
  }

  /** Why no new attempt can start, if so. */
  private closedKey(
    quiz: ResolvedQuiz,
    progress: Awaited<ReturnType<ProgressService['courseProgress']>> | null,
    left: number | null,
  ): string | null {
    if (left === 0) return quiz.kind === 'pre' ? 'quizzes.pre.taken' : 'quizzes.errors.noAttemptsLeft';
    if (quiz.kind === 'pre' && progress && !progress.preTest.available) return 'quizzes.errors.preTestClosed';
    if (quiz.kind === 'post' && progress && !progress.postTest.open) return 'quizzes.errors.postTestLocked';
    return null;
  }

  /**
   * Texts in the reader's current language when that version has exactly the
   * attempt's questions and options (ids are shared across languages), else the
   * version the attempt was started in.
   */
  private async displayVersion(attempt: QuizAttempt, access: CourseAccess, quiz: ResolvedQuiz): Promise<ModuleVersion> {
    const pinned = await this.content.findVersion(attempt.moduleVersionId);
    if (pinned && pinned.language === access.language) return pinned;
    if (quiz.version.language === access.language && fitsLayout(attempt.layout, quiz.version.questions)) return quiz.version;
    return pinned ?? quiz.version;
  }
}
