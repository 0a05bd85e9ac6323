import { Injectable, NotFoundException } from '@nestjs/common';
import { localized } from '../i18n/text';
import { pickLanguage } from './access/access-rule';
import { PublishedContentService } from '../content/published-content.service';
import { NextStep, shownProgress } from '../progress/completion-rule';
import { CompletionOutcome, CompletionService } from '../progress/completion.service';
import { CourseProgress, ProgressService } from '../progress/progress.service';
import { assertCanRecord, CourseAccess, CourseAccessService, Viewer } from './course-access.service';

/** Course-relative links, built in one place. */
export const links = {
  course: (slug: string) => `/courses/${encodeURIComponent(slug)}`,
  module: (slug: string, key: string) => `/courses/${encodeURIComponent(slug)}/modules/${encodeURIComponent(key)}`,
  cohorts: (slug: string) => `/courses/${encodeURIComponent(slug)}/cohorts`,
  preTest: (slug: string) => `/courses/${encodeURIComponent(slug)}/pre-test`,
  postTest: (slug: string) => `/courses/${encodeURIComponent(slug)}/post-test`,
  attempts: (slug: string) => `/courses/${encodeURIComponent(slug)}/attempts`,
  completed: (slug: string) => `/courses/${encodeURIComponent(slug)}/completed`,
};

export function nextStepHref(slug: string, next: NextStep): string {
  if (next.kind === 'preTest') return links.preTest(slug);
  if (next.kind === 'module') return links.module(slug, next.key);
  if (next.kind === 'postTest') return links.postTest(slug);
  return links.course(slug);
}

/** Course header data shared by the course, module and quiz pages. */
export function courseSummary(access: CourseAccess) {
  const { course } = access;
  return {
    slug: course.slug,
    title: localized(course.title, pickLanguage(course.languages, access.language)),
    summary: localized(course.summary, pickLanguage(course.languages, access.language)),
    topic: course.topic,
    hours: course.hours,
    languages: course.languages,
    href: links.course(course.slug),
  };
}

/** The learner-facing pages of a course: its page (syllabus, progress) and its module pages. */
@Injectable()
export class LearningService {
  constructor(
    private readonly access: CourseAccessService,
    private readonly content: PublishedContentService,
    private readonly progress: ProgressService,
    private readonly completion: CompletionService,
  ) {}

  async coursePage(viewer: Viewer, slug: string, language: string) {
    const access = await this.access.findVisibleCourse(viewer, slug, language);
    const { decision, course } = access;
    const isLearner = decision.as === 'learner' && !!viewer;
    const progress =
      isLearner && viewer ? await this.progress.courseProgress(viewer.id, course, access.language, access.enrolment?.lastModuleKey) : null;
    const lessons =
      progress?.lessons ??
      (await this.content.lessons(course, access.language)).map((entry) => ({ ...entry, state: null, done: false, quizScore: null }));
    return {
      pageTitle: localized(course.title, pickLanguage(course.languages, access.language)),
      course: { ...courseSummary(access), certificateType: course.certificateType, passMark: course.passMark },
      canRead: decision.read,
      isLearner,
      isStaff: decision.as === 'staff',
      readOnlyReason: decision.reason,
      totalMinutes: (await this.content.estimatedMinutes([course.id])).get(course.id) ?? 0,
      syllabus: lessons.map((entry, index) => ({
        position: index + 1,
        key: entry.module.key,
        title: entry.title,
        minutes: entry.module.minutes,
        questionCount: entry.questionCount,
        href: decision.read ? links.module(course.slug, entry.module.key) : null,
        completed: entry.state?.completed ?? false,
        quizPassed: entry.state?.quizPassed ?? false,
        quizScore: entry.quizScore,
        done: entry.done,
        // Completion stands: a module added after the learner completed the course is new, not missing.
        isNew: isLearner && !!access.enrolment?.completedAt && !entry.done,
      })),
      cohortsHref: links.cohorts(course.slug),
      attemptsHref: links.attempts(course.slug),
      enrolment: access.enrolment
        ? {
            completedAt: access.enrolment.completedAt,
            cohortName: access.cohort?.name ?? null,
            startsAt: access.cohort?.startsAt ?? null,
            endsAt: access.cohort?.endsAt ?? null,
          }
        : null,
      learner: progress ? this.learnerPanel(course.slug, progress, access) : null,
      staffStartHref: decision.as === 'staff' && lessons[0] ? links.module(course.slug, lessons[0].module.key) : null,
    };
  }

  private learnerPanel(slug: string, progress: CourseProgress, access: CourseAccess) {
    const complete = !!access.enrolment?.completedAt;
    const started = progress.started || progress.preTest.score !== null;
    const shown = shownProgress(progress.steps, complete);
    const notStarted = access.decision.reason === 'notStarted';
    const preTestFirst = progress.next.kind === 'preTest';
    return {
      percent: shown.percent,
      stepsDone: shown.done,
      stepsTotal: shown.total,
      newSinceCompletion: shown.newSinceCompletion,
      // Before the cohort starts there is nothing to open yet: the page says when it starts instead.
      startsAt: notStarted ? (access.cohort?.startsAt ?? null) : null,
      actionHref: notStarted ? null : complete ? links.completed(slug) : nextStepHref(slug, progress.next),
      actionKey: complete
        ? 'learning.course.seeResult'
        : progress.next.kind === 'done'
          ? 'learning.course.review'
          : preTestFirst
            ? 'learning.course.startWithPreTest'
            : started
              ? 'learning.course.continue'
              : 'learning.course.start',
      // The one clear choice to go without the baseline: straight to the first module.
      skipPreTestHref: preTestFirst && !notStarted && progress.lessons[0] ? links.module(slug, progress.lessons[0].module.key) : null,
      preTest: progress.preTest.offered ? { ...progress.preTest, href: links.preTest(slug) } : null,
      postTest: progress.postTest.offered ? { ...progress.postTest, href: links.postTest(slug) } : null,
      complete,
      completedAt: access.enrolment?.completedAt ?? null,
    };
  }

  async modulePage(viewer: Viewer, slug: string, key: string, language: string) {
    const access = await this.access.requireReader(viewer, slug, language);
    const { course, decision } = access;
    const module = await this.content.findLesson(course, key);
    const version = module ? await this.content.currentVersion(course, module, access.language) : null;
    if (!module || !version) throw new NotFoundException();
    const isLearner = decision.as === 'learner' && !!viewer;
    const progress = isLearner && viewer ? await this.progress.courseProgress(viewer.id, course, access.language) : null;
    const lessons =
      progress?.lessons ??
      (await this.content.lessons(course, access.language)).map((entry) => ({ ...entry, state: null, done: false, quizScore: null }));
    const index = lessons.findIndex((entry) => entry.module.id === module.id);
    const here = progress?.lessons[index];
    const neighbour = (entry: (typeof lessons)[number] | undefined) =>
      entry ? { href: links.module(slug, entry.module.key), title: entry.title } : null;
    const isLast = index === lessons.length - 1;
    return {
      pageTitle: version.title,
      course: courseSummary(access),
      module: {
        key: module.key,
        title: version.title,
        language: version.language,
        minutes: module.minutes,
        position: index + 1,
        count: lessons.length,
        lessonHtml: version.lessonHtml,
        questionCount: version.questions.length,
        objectives: version.objectives ?? [],
      },
      isLearner,
      isStaff: decision.as === 'staff',
      canRecord: isLearner && decision.record,
      readOnlyReason: decision.reason,
      percent: progress ? shownProgress(progress.steps, !!access.enrolment?.completedAt).percent : 0,
      whatNext:
        here && progress
          ? this.whatNext(
              slug,
              here.state.completed || !course.completionRule.modules,
              version.questions.length > 0 && !here.state.quizPassed,
              {
                module: neighbour(lessons[index + 1]),
                postTest: progress.postTest.open && !progress.postTest.passed,
                complete: !!access.enrolment?.completedAt,
              },
            )
          : null,
      markComplete:
        isLearner && course.completionRule.modules
          ? { completed: !!here?.state.completed, action: `${links.module(slug, module.key)}/complete` }
          : null,
      quiz:
        version.questions.length > 0
          ? {
              href: `${links.module(slug, module.key)}/quiz`,
              questionCount: version.questions.length,
              passed: here?.state.quizPassed ?? false,
              score: here?.quizScore ?? null,
            }
          : null,
      preTestHref: index === 0 && progress?.preTest.available ? links.preTest(slug) : null,
      postTestHref: isLast && progress?.postTest.open && !progress.postTest.passed ? links.postTest(slug) : null,
      prev: neighbour(lessons[index - 1]),
      next: neighbour(lessons[index + 1]),
    };
  }

  /** A printable tool of the course: readable by whoever may read its modules. */
  async toolPage(viewer: Viewer, slug: string, key: string, language: string) {
    const access = await this.access.requireReader(viewer, slug, language);
    const tool = await this.content.findTool(access.course, key);
    const version = tool ? await this.content.currentVersion(access.course, tool, access.language) : null;
    if (!tool || !version) throw new NotFoundException();
    return {
      pageTitle: version.title,
      course: courseSummary(access),
      tool: { title: version.title, language: version.language, html: version.lessonHtml },
    };
  }

  /**
   * What the module page offers once the learner is done reading: this module's quiz while it is
   * not passed, then the next module, the post-test, or the end page. Null while there is still the
   * "mark as completed" button to press.
   */
  private whatNext(
    slug: string,
    marked: boolean,
    quizPending: boolean,
    after: { module: { href: string; title: string } | null; postTest: boolean; complete: boolean },
  ) {
    if (!marked) return null;
    if (quizPending) return { kind: 'quiz' as const };
    if (after.complete) return { kind: 'end' as const, href: links.completed(slug) };
    if (after.module) return { kind: 'module' as const, href: after.module.href, title: after.module.title };
    if (after.postTest) return { kind: 'postTest' as const, href: links.postTest(slug) };
    return { kind: 'course' as const, href: links.course(slug) };
  }

  /**
   * Marks a module as complete and stays with it: the learner lands on this module's quiz when it
   * has one still to pass, else back on the module where the page says what comes next; a course
   * that this completes leads to its end page.
   */
  async markComplete(
    viewer: Viewer,
    slug: string,
    key: string,
  ): Promise<{ redirect: string; outcome: CompletionOutcome; next: 'quiz' | 'module' | 'end' }> {
    const access = await this.access.requireReader(viewer, slug);
    const module = await this.content.findLesson(access.course, key);
    if (!module) throw new NotFoundException();
    assertCanRecord(access);
    const { enrolment, course } = access;
    await this.progress.markComplete(enrolment.userId, course.id, module.id);
    await this.progress.touch(enrolment.id, module.key);
    const outcome = await this.completion.markCompletedIfDone(enrolment.userId, course.id, enrolment);
    if (outcome.newlyCompleted) return { redirect: links.completed(slug), outcome, next: 'end' };
    const progress = await this.progress.courseProgress(enrolment.userId, course, access.language);
    const here = progress.lessons.find((entry) => entry.module.id === module.id);
    const quizPending = !!here && here.questionCount > 0 && !here.state.quizPassed;
    return quizPending
      ? { redirect: `${links.module(slug, module.key)}/quiz`, outcome, next: 'quiz' }
      : { redirect: `${links.module(slug, module.key)}#next-step`, outcome, next: 'module' };
  }
}
