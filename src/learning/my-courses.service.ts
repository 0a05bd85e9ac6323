import { Injectable } from '@nestjs/common';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { ProgressService } from '../progress/progress.service';
import { localized } from './catalogue.service';
import { links, nextStepHref } from './learning.service';
import { pickLanguage } from './access/access-rule';

/** The learner's dashboard: every current enrolment with its progress and next step. */
@Injectable()
export class MyCoursesService {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly progress: ProgressService,
  ) {}

  // A learner has at most one active enrolment per course, so this list stays as short as the catalogue.
  async dashboard(userId: number, language: string) {
    const enrolments = await this.enrolments.currentForLearner(userId);
    const items = [];
    for (const enrolment of enrolments) {
      const { course, cohort } = enrolment;
      const shown = pickLanguage(course.languages, language);
      const base = {
        title: localized(course.title, course.languages, shown),
        href: links.course(course.slug),
        pending: enrolment.status === 'pending',
        cohort: cohort ? { name: cohort.name, startsAt: cohort.startsAt, endsAt: cohort.endsAt } : null,
        completedAt: enrolment.completedAt,
      };
      if (enrolment.status !== 'active') {
        items.push({ ...base, percent: 0, next: null });
        continue;
      }
      const progress = await this.progress.courseProgress(userId, course, shown, enrolment.lastModuleKey);
      const nextEntry = progress.next.kind === 'module' ? progress.lessons.find((entry) => entry.module.key === (progress.next as { key: string }).key) : undefined;
      items.push({
        ...base,
        percent: progress.steps.percent,
        next: enrolment.completedAt || progress.next.kind === 'done'
          ? null
          : {
              href: nextStepHref(course.slug, progress.next),
              kind: progress.next.kind,
              title: nextEntry?.title ?? null,
              labelKey: progress.started || progress.preTest.score !== null ? 'learning.my.continue' : 'learning.course.start',
            },
      });
    }
    return { items };
  }
}
