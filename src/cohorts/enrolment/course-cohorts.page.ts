import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FormPage, FormPageModel } from '../../common/error-pages';
import type { DomainError, MessageRef } from '../../common/errors';
import { requestLanguage } from '../../common/lang.decorator';
import { routeId, routeParam } from '../../common/route-params';
import type { Course } from '../../content/entities/course.entity';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { localized } from '../../i18n/text';
import { CohortEnrolmentsService } from './cohort-enrolments.service';

/** A refusal shown next to the cohort it concerns. */
export interface EnrolmentProblemView {
  cohortId: number;
  message: MessageRef;
  status: number;
}

/** The learner's page of a course's cohorts; a refused enrolment comes back here, next to the cohort concerned. */
@Injectable()
export class CourseCohortsPage implements FormPage {
  constructor(private readonly enrolments: CohortEnrolmentsService) {}

  async model(request: Request, error: DomainError): Promise<FormPageModel> {
    const course = await this.enrolments.courseBySlug(routeParam(request, 'slug'));
    const problem = { cohortId: routeId(request), message: error.messageRef, status: error.status };
    return { locals: await this.locals(requestLanguage(request), course, (request.user as User | undefined) ?? null, problem) };
  }

  async locals(lang: string, course: Course, user: User | null, problem?: EnrolmentProblemView) {
    const offers = await this.enrolments.offers(course, user);
    const active = user ? await this.enrolments.activeEnrolment(user.id, course.id) : null;
    const title = localized(course.title, lang);
    return {
      pageTitle: translator(lang)('enrolments.page.title', { course: title }),
      course,
      courseTitle: title,
      offers,
      active,
      signedIn: !!user,
      problem,
      // A refusal for a cohort not on the list (e.g. invitation only) is shown above the list.
      problemAtTop: problem && !offers.some((offer) => offer.cohort.id === problem.cohortId) ? problem : null,
      loginHref: `/auth/login?next=${encodeURIComponent(`/courses/${course.slug}/cohorts`)}`,
    };
  }
}
