import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormView } from '../../common/error-pages';
import { flash } from '../../common/flash';
import { ParseIdPipe } from '../../common/id.pipe';
import { Lang } from '../../common/lang.decorator';
import { User } from '../../users/user.entity';
import { localized } from '../../i18n/text';
import { EnrolDto } from '../dto/enrol.dto';
import { CohortEnrolmentsService } from './cohort-enrolments.service';
import { CourseCohortsPage } from './course-cohorts.page';

/** The learner's page: the cohorts of a course open to them, and enrolling in one. */
@Controller('courses/:slug/cohorts')
export class CourseCohortsController {
  constructor(
    private readonly enrolments: CohortEnrolmentsService,
    private readonly cohortsPage: CourseCohortsPage,
  ) {}

  @Get()
  @Public()
  @Render('enrolments/course-cohorts')
  async page(@Param('slug') slug: string, @CurrentUser() user: User | undefined, @Lang() lang: string) {
    const course = await this.enrolments.courseBySlug(slug);
    return this.cohortsPage.locals(lang, course, user ?? null);
  }

  /** A refusal is shown on the same page, next to the cohort concerned: a wrong key is a form error (422), the rest a conflict (409). */
  @Post(':id/enrol')
  @Authenticated()
  @FormView('enrolments/course-cohorts', CourseCohortsPage)
  async enrol(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) cohortId: number,
    @Body() body: EnrolDto,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const course = await this.enrolments.courseBySlug(slug);
    const enrolment = await this.enrolments.enrolSelf(user, course, cohortId, body.key);
    if (enrolment.status === 'pending') {
      flash(request, 'success', 'enrolments.requestSent');
      response.redirect(303, `/courses/${course.slug}/cohorts`);
    } else {
      flash(request, 'success', 'enrolments.enrolled', { course: localized(course.title, lang) });
      response.redirect(303, `/courses/${course.slug}`);
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
}
