import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { FormView, RedirectOnError } from '../common/error-pages';
import { flash } from '../common/flash';
import { ParseIdPipe } from '../common/id.pipe';
import { Lang } from '../common/lang.decorator';
import { routeParam } from '../common/route-params';
import { LanguagePreference } from '../language/language-preference';
import { User } from '../users/user.entity';
import { AttemptsService } from './attempts.service';
import { HistoryQuery } from './dto/history.query';
import { KeepAnswersDto, SubmitAttemptDto } from './dto/submit-attempt.dto';
import { QuizFormPage } from './quiz-form.page';
import { QuizPagesService } from './quiz-pages.service';
import { quizBasePath, QuizRoute, quizRoutes, quizTargetOfRequest, type QuizTarget } from './quiz-route';

/** A refused start (no attempts left, test closed...) is a message on the quiz page. */
const backToQuiz = (request: Request) => quizBasePath(routeParam(request, 'slug'), quizTargetOfRequest(request));

/**
 * Module quizzes (/courses/:slug/modules/:key/quiz...), the pre-test (/courses/:slug/pre-test...) and
 * the post-test (/courses/:slug/post-test...): one handler per action, served at the three addresses;
 * `@QuizRoute()` says which quiz the address names (quiz-route.ts).
 */
@Controller('courses/:slug')
@Authenticated()
export class QuizzesController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly pages: QuizPagesService,
    private readonly language: LanguagePreference,
  ) {}

  @Get(quizRoutes())
  @Render('quizzes/quiz')
  page(@Param('slug') slug: string, @QuizRoute() target: QuizTarget, @CurrentUser() user: User, @Lang() lang: string) {
    return this.pages.quizPage(user, slug, target, lang);
  }

  @Post(quizRoutes('/start'))
  @RedirectOnError(backToQuiz)
  async start(
    @Param('slug') slug: string,
    @QuizRoute() target: QuizTarget,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() res: Response,
  ) {
    const loaded = await this.attempts.load(user, slug, target, lang);
    await this.attempts.start(loaded);
    res.redirect(303, loaded.quiz.basePath);
  }

  /** Answers that cannot be graded as sent come back on the quiz page (QuizFormPage); nothing is recorded. */
  @Post(quizRoutes('/attempts/:attemptId'))
  @FormView('quizzes/refused', QuizFormPage)
  async submit(
    @Param('slug') slug: string,
    @QuizRoute() target: QuizTarget,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: SubmitAttemptDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.attempts.load(user, slug, target);
    const outcome = await this.attempts.submit(user, loaded, attemptId, body);
    if (outcome.kind === 'alreadySubmitted') flash(req, 'info', 'quizzes.flash.alreadySubmitted');
    else if (outcome.late) flash(req, 'error', 'quizzes.flash.late');
    else flash(req, outcome.passed ? 'success' : 'info', outcome.passed ? 'quizzes.flash.passed' : 'quizzes.flash.notPassed');
    if (outcome.kind === 'graded' && outcome.newlyCompleted) flash(req, 'success', 'learning.course.completedNow');
    res.redirect(303, `${loaded.quiz.basePath}/attempts/${attemptId}`);
  }

  /** The header's language button on an open quiz: keeps the ticked answers on the attempt, switches, and comes back to the quiz. */
  @Post(quizRoutes('/attempts/:attemptId/language'))
  async switchLanguage(
    @Param('slug') slug: string,
    @QuizRoute() target: QuizTarget,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: KeepAnswersDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const quiz = await this.attempts.saveDraft(user, slug, target, attemptId, body.answers);
    await this.language.remember(req, res, body.lang);
    res.redirect(303, quiz.basePath);
  }

  @Get(quizRoutes('/attempts/:attemptId'))
  async result(
    @Param('slug') slug: string,
    @QuizRoute() target: QuizTarget,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.pages.result(user, slug, target, attemptId, lang);
    if ('redirect' in model && model.redirect) return res.redirect(303, model.redirect);
    res.render('quizzes/result', model);
  }

  @Get('attempts')
  @Render('quizzes/history')
  history(@Param('slug') slug: string, @Query() query: HistoryQuery, @CurrentUser() user: User, @Lang() lang: string) {
    return this.pages.history(user, slug, query.page ?? 1, lang);
  }
}
