import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import type { MessageRef } from '../../common/errors';
import { flash } from '../../common/flash';
import { Course } from '../../content/entities/course.entity';
import { translator } from '../../i18n/i18n';
import { User } from '../../users/user.entity';
import { localized } from '../cohort-labels';
import { EnrolDto } from '../dto/enrol.dto';
import { EnrolmentRefusedError } from './enrolment-errors';
import { CohortEnrolmentsService } from './cohort-enrolments.service';
import { ParseIdPipe } from '../../common/id.pipe';

/** The learner's page: the cohorts of a course open to them, and enrolling in one. */
@Controller('courses/:slug/cohorts')
export class CourseCohortsController {
  constructor(private readonly enrolments: CohortEnrolmentsService) {}

  @Get()
  @Public()
  async page(
    @Param('slug') slug: string,
    @CurrentUser() user: User | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const course = await this.enrolments.courseBySlug(slug);
    await this.render(request, response, course, user ?? null);
  }

  @Post(':id/enrol')
  @Authenticated()
  async enrol(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) cohortId: number,
    @Body() body: EnrolDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const course = await this.enrolments.courseBySlug(slug);
    try {
      const enrolment = await this.enrolments.enrolSelf(user, course, cohortId, body.key);
      if (enrolment.status === 'pending') {
        flash(request, 'success', 'enrolments.requestSent');
        response.redirect(303, `/courses/${course.slug}/cohorts`);
      } else {
        flash(request, 'success', 'enrolments.enrolled', { course: localized(course.title, request.lang ?? 'es') });
        response.redirect(303, `/courses/${course.slug}`);
      }
    } catch (error) {
      if (!(error instanceof EnrolmentRefusedError)) throw error;
      // Shown on the same page, next to the cohort concerned; a wrong key is a form error, the rest a conflict.
      const status = error.reason === 'wrongKey' ? 422 : 409;
      await this.render(request, response, course, user, { cohortId, message: error.messageRef, status });
    }
  }

  @Post(':id/withdraw')
  @Authenticated()
  async withdraw(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) cohortId: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const course = await this.enrolments.courseBySlug(slug);
    const before = await this.enrolments.withdrawSelf(user, course, cohortId);
    flash(request, 'success', before.status === 'pending' ? 'enrolments.requestCancelled' : 'enrolments.withdrawn');
    response.redirect(303, `/courses/${course.slug}/cohorts`);
  }

  private async render(
    request: Request,
    response: Response,
    course: Course,
    user: User | null,
    problem?: { cohortId: number; message: MessageRef; status: number },
  ): Promise<void> {
    const offers = await this.enrolments.offers(course, user);
    const active = user ? await this.enrolments.activeEnrolment(user.id, course.id) : null;
    const title = localized(course.title, request.lang ?? 'es');
    response.status(problem?.status ?? 200).render('enrolments/course-cohorts', {
      pageTitle: translator(request.lang ?? 'es')('enrolments.page.title', { course: title }),
      course,
      courseTitle: title,
      offers,
      active,
      signedIn: !!user,
      problem,
      // A refusal for a cohort not on the list (e.g. invitation only) is shown above the list.
      problemAtTop: problem && !offers.some((offer) => offer.cohort.id === problem.cohortId) ? problem : null,
      loginHref: `/auth/login?next=${encodeURIComponent(`/courses/${course.slug}/cohorts`)}`,
    });
  }
}
