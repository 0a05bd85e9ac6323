import { Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { pageLinks } from '../common/pagination';
import { translator } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/i18n';
import type { User } from '../users/user.entity';
import { CatalogueService } from './catalogue.service';
import { CATALOGUE_TOPICS, ListCoursesQuery } from './dto/list-courses.query';
import { LearningService } from './learning.service';
import { MyCoursesService } from './my-courses.service';
import { EndPageService } from './end-page.service';
import { Lang } from '../common/lang.decorator';

@Controller()
export class LearningController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly learning: LearningService,
    private readonly myCourses: MyCoursesService,
    private readonly endPages: EndPageService,
  ) {}

  @Get('courses')
  @Public()
  @Render('learning/catalogue')
  async cataloguePage(@Query() query: ListCoursesQuery, @Lang() lang: string) {
    const result = await this.catalogue.list(query, lang);
    return {
      ...result,
      ...pageLinks('/courses', { ...query }, result.page, result.pageCount),
      query,
      topics: CATALOGUE_TOPICS,
      languages: LANGUAGES,
      pageTitle: translator(lang)('learning.catalogue.title'),
    };
  }

  @Get('courses/:slug')
  @Public()
  @Render('learning/course')
  coursePage(@Param('slug') slug: string, @CurrentUser() user: User | undefined, @Lang() lang: string) {
    return this.learning.coursePage(user, slug, lang);
  }

  /** The completed learner's end page: result, knowledge gain, certificate, what to take next. */
  @Get('courses/:slug/completed')
  @Authenticated()
  async endPage(@Param('slug') slug: string, @CurrentUser() user: User, @Lang() lang: string, @Res() response: Response): Promise<void> {
    const model = await this.endPages.endPage(user, slug, lang);
    if (!model) return response.redirect(303, `/courses/${encodeURIComponent(slug)}`);
    response.render('learning/completed', model);
  }

  @Get('courses/:slug/modules/:key')
  @Authenticated()
  @Render('learning/module')
  modulePage(@Param('slug') slug: string, @Param('key') key: string, @CurrentUser() user: User, @Lang() lang: string) {
    return this.learning.modulePage(user, slug, key, lang);
  }

  @Get('courses/:slug/tools/:key')
  @Authenticated()
  @Render('learning/tool')
  toolPage(@Param('slug') slug: string, @Param('key') key: string, @CurrentUser() user: User, @Lang() lang: string) {
    return this.learning.toolPage(user, slug, key, lang);
  }

  @Post('courses/:slug/modules/:key/complete')
  @Authenticated()
  async markComplete(
    @Param('slug') slug: string,
    @Param('key') key: string,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { redirect, outcome, next } = await this.learning.markComplete(user, slug, key);
    flash(
      request,
      'success',
      outcome.newlyCompleted
        ? 'learning.course.completedNow'
        : next === 'quiz'
          ? 'learning.module.markedCompleteQuiz'
          : 'learning.module.markedComplete',
    );
    response.redirect(303, redirect);
  }

  @Get('my/courses')
  @Authenticated()
  @Render('learning/my-courses')
  async myCoursesPage(@CurrentUser() user: User, @Lang() lang: string) {
    return { ...(await this.myCourses.dashboard(user.id, lang)), pageTitle: translator(lang)('learning.my.title') };
  }
}
