import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { PublishedContentService } from '../content/published-content.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { ProgressService } from '../progress/progress.service';
import { localized } from '../i18n/text';
import { links, nextStepHref } from './learning.service';
import { cohortNotStarted, pickLanguage } from './access/access-rule';
import { shownProgress } from '../progress/completion-rule';

/** The learner's dashboard: every current enrolment with its progress and next step. */
@Injectable()
export class MyCoursesService {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly content: PublishedContentService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  // A learner has at most one active enrolment per course, so this list stays as short as the catalogue.
  // Statements: the enrolments with their cohorts, then the progress of all of them at once (no query per course).
  async dashboard(userId: number, language: string) {
    const enrolments = await this.enrolments.currentForLearner(userId);
    const courses = new Map(
      (await this.content.coursesByIds(enrolments.map((enrolment) => enrolment.courseId))).map((course) => [course.id, course]),
    );
    const listed = enrolments.flatMap((enrolment) => {
      const course = courses.get(enrolment.courseId);
      return course ? [{ enrolment, course, shown: pickLanguage(course.languages, language) }] : [];
    });
    const progressByCourse = await this.progress.courseProgressOfLearner(
      userId,
      listed
        .filter(({ enrolment }) => enrolment.status === 'active')
        .map(({ enrolment, course, shown }) => ({ course, language: shown, lastModuleKey: enrolment.lastModuleKey })),
    );
    const items = listed.map(({ enrolment, course, shown }) => {
      const { cohort } = enrolment;
      const base = {
        title: localized(course.title, pickLanguage(course.languages, shown)),
        href: links.course(course.slug),
        pending: enrolment.status === 'pending',
        cohort: cohort ? { name: cohort.name, startsAt: cohort.startsAt, endsAt: cohort.endsAt } : null,
        completedAt: enrolment.completedAt,
        resultHref: links.completed(course.slug),
        // Before the cohort starts (and without early access) the modules are closed: say when they open.
        startsAt: cohort && enrolment.status === 'active' && cohortNotStarted(cohort, this.clock.now()) ? cohort.startsAt : null,
      };
      const progress = progressByCourse.get(course.id);
      if (enrolment.status !== 'active' || !progress) return { ...base, percent: 0, next: null };
      const nextEntry =
        progress.next.kind === 'module'
          ? progress.lessons.find((entry) => entry.module.key === (progress.next as { key: string }).key)
          : undefined;
      return {
        ...base,
        percent: shownProgress(progress.steps, !!enrolment.completedAt).percent,
        next:
          enrolment.completedAt || progress.next.kind === 'done'
            ? null
            : {
                href: nextStepHref(course.slug, progress.next),
                kind: progress.next.kind,
                title: nextEntry?.title ?? null,
                labelKey:
                  progress.next.kind === 'preTest'
                    ? 'learning.course.startWithPreTest'
                    : progress.started || progress.preTest.score !== null
                      ? 'learning.my.continue'
                      : 'learning.course.start',
              },
      };
    });
    return { items };
  }
}
