import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, FormView } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { flash } from '../common/flash';
import { User } from '../users/user.entity';
import { AttemptsService } from './attempts.service';
import { HistoryQuery } from './dto/history.query';
import { KeepAnswersDto, SubmitAttemptDto } from './dto/submit-attempt.dto';
import { LanguagePreference } from '../language/language-preference';
import { AnswersNotAcceptedError, QuizRefusedError } from './quiz-errors';
import { QuizPagesService } from './quiz-pages.service';
import { QuizTarget } from './quiz-resolver.service';
import { ParseIdPipe } from '../common/id.pipe';

const PRE: QuizTarget = { kind: 'pre' };
const POST: QuizTarget = { kind: 'post' };
const moduleQuiz = (key: string): QuizTarget => ({ kind: 'module', key });

/**
 * Module quizzes (/courses/:slug/modules/:key/quiz...), the pre-test
 * (/courses/:slug/pre-test...) and the post-test (/courses/:slug/post-test...):
 * the same four actions each: page, start, submit, result.
 */
@Controller('courses/:slug')
@Authenticated()
export class QuizzesController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly pages: QuizPagesService,
    private readonly language: LanguagePreference,
  ) {}

  @Get('modules/:key/quiz')
  moduleQuizPage(
    @Param('slug') slug: string,
    @Param('key') key: string,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.showQuiz(slug, moduleQuiz(key), user, req, res);
  }

  @Post('modules/:key/quiz/start')
  startModuleQuiz(
    @Param('slug') slug: string,
    @Param('key') key: string,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.start(slug, moduleQuiz(key), user, req, res);
  }

  @Post('modules/:key/quiz/attempts/:attemptId')
  @FormView('quizzes/refused')
  submitModuleQuiz(
    @Param('slug') slug: string,
    @Param('key') key: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: SubmitAttemptDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.submit(slug, moduleQuiz(key), attemptId, body, user, req, res);
  }

  @Post('modules/:key/quiz/attempts/:attemptId/language')
  switchModuleQuizLanguage(
    @Param('slug') slug: string,
    @Param('key') key: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: KeepAnswersDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.switchLanguage(slug, moduleQuiz(key), attemptId, body, user, req, res);
  }

  @Get('modules/:key/quiz/attempts/:attemptId')
  moduleQuizResult(
    @Param('slug') slug: string,
    @Param('key') key: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.showResult(slug, moduleQuiz(key), attemptId, user, req, res);
  }

  @Get('pre-test')
  preTestPage(@Param('slug') slug: string, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response) {
    return this.showQuiz(slug, PRE, user, req, res);
  }

  @Post('pre-test/start')
  startPreTest(@Param('slug') slug: string, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response) {
    return this.start(slug, PRE, user, req, res);
  }

  @Post('pre-test/attempts/:attemptId')
  @FormView('quizzes/refused')
  submitPreTest(
    @Param('slug') slug: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: SubmitAttemptDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.submit(slug, PRE, attemptId, body, user, req, res);
  }

  @Post('pre-test/attempts/:attemptId/language')
  switchPreTestLanguage(
    @Param('slug') slug: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: KeepAnswersDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.switchLanguage(slug, PRE, attemptId, body, user, req, res);
  }

  @Get('pre-test/attempts/:attemptId')
  preTestResult(
    @Param('slug') slug: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.showResult(slug, PRE, attemptId, user, req, res);
  }

  @Get('post-test')
  postTestPage(@Param('slug') slug: string, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response) {
    return this.showQuiz(slug, POST, user, req, res);
  }

  @Post('post-test/start')
  startPostTest(@Param('slug') slug: string, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response) {
    return this.start(slug, POST, user, req, res);
  }

  @Post('post-test/attempts/:attemptId')
  @FormView('quizzes/refused')
  submitPostTest(
    @Param('slug') slug: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: SubmitAttemptDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.submit(slug, POST, attemptId, body, user, req, res);
  }

  @Post('post-test/attempts/:attemptId/language')
  switchPostTestLanguage(
    @Param('slug') slug: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @Body() body: KeepAnswersDto,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.switchLanguage(slug, POST, attemptId, body, user, req, res);
  }

  @Get('post-test/attempts/:attemptId')
  postTestResult(
    @Param('slug') slug: string,
    @Param('attemptId', ParseIdPipe) attemptId: number,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.showResult(slug, POST, attemptId, user, req, res);
  }

  @Get('attempts')
  @Render('quizzes/history')
  history(@Param('slug') slug: string, @Query() query: HistoryQuery, @CurrentUser() user: User, @Req() req: Request) {
    return this.pages.history(user, slug, query.page ?? 1, req.lang ?? 'es');
  }

  private async showQuiz(slug: string, target: QuizTarget, user: User, req: Request, res: Response): Promise<void> {
    res.render('quizzes/quiz', await this.pages.quizPage(user, slug, target, req.lang ?? 'es'));
  }

  private async start(slug: string, target: QuizTarget, user: User, req: Request, res: Response): Promise<void> {
    const loaded = await this.attempts.load(user, slug, target, req.lang ?? 'es');
    try {
      await this.attempts.start(loaded);
    } catch (error) {
      if (!(error instanceof QuizRefusedError)) throw error;
      flash(req, 'error', error.key);
    }
    res.redirect(303, loaded.quiz.basePath);
  }

  private async submit(
    slug: string,
    target: QuizTarget,
    attemptId: number,
    body: SubmitAttemptDto,
    user: User,
    req: Request,
    res: Response,
  ): Promise<void> {
    const loaded = await this.attempts.load(user, slug, target);
    const { quiz } = loaded;
    try {
      const outcome = await this.attempts.submit(user, loaded, attemptId, body);
      if (outcome.kind === 'alreadySubmitted') flash(req, 'info', 'quizzes.flash.alreadySubmitted');
      else if (outcome.late) flash(req, 'error', 'quizzes.flash.late');
      else flash(req, outcome.passed ? 'success' : 'info', outcome.passed ? 'quizzes.flash.passed' : 'quizzes.flash.notPassed');
      if (outcome.kind === 'graded' && outcome.newlyCompleted) flash(req, 'success', 'learning.course.completedNow');
      res.redirect(303, `${quiz.basePath}/attempts/${attemptId}`);
    } catch (error) {
      if (!(error instanceof AnswersNotAcceptedError)) throw error;
      const returned = { messages: error.messages, answers: error.answers, incomplete: error.incomplete };
      res.status(422).render('quizzes/quiz', await this.pages.quizPage(user, slug, target, req.lang ?? 'es', returned));
    }
  }

  /** The header's language button on an open quiz: keeps the ticked answers on the attempt, switches, and comes back to the quiz. */
  private async switchLanguage(
    slug: string,
    target: QuizTarget,
    attemptId: number,
    body: KeepAnswersDto,
    user: User,
    req: Request,
    res: Response,
  ): Promise<void> {
    const { quiz } = await this.attempts.load(user, slug, target);
    await this.attempts.saveDraft(user, slug, target, attemptId, body.answers);
    await this.language.remember(req, res, body.lang);
    res.redirect(303, quiz.basePath);
  }

  private async showResult(slug: string, target: QuizTarget, attemptId: number, user: User, req: Request, res: Response): Promise<void> {
    const model = await this.pages.result(user, slug, target, attemptId, req.lang ?? 'es');
    if ('redirect' in model && model.redirect) return res.redirect(303, model.redirect);
    res.render('quizzes/result', model);
  }
}
