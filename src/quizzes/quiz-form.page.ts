import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FormPage, FormPageModel } from '../common/error-pages';
import type { DomainError } from '../common/errors';
import { requestLanguage } from '../common/lang.decorator';
import { routeParam } from '../common/route-params';
import type { User } from '../users/user.entity';
import { AnswersNotAcceptedError } from './quiz-errors';
import { QuizPagesService } from './quiz-pages.service';
import { quizTargetOfRequest } from './quiz-route';

/**
 * A submission that cannot be graded as sent comes back as the quiz page, with the learner's valid
 * choices and the messages (422). A form the quiz page never sends keeps the declared view (quizzes/refused).
 */
@Injectable()
export class QuizFormPage implements FormPage {
  constructor(private readonly pages: QuizPagesService) {}

  async model(request: Request, error: DomainError): Promise<FormPageModel> {
    if (!(error instanceof AnswersNotAcceptedError)) return { locals: {} };
    const returned = { messages: error.messages, answers: error.answers, incomplete: error.incomplete };
    const user = request.user as User;
    const target = quizTargetOfRequest(request);
    return {
      view: 'quizzes/quiz',
      locals: await this.pages.quizPage(user, routeParam(request, 'slug'), target, requestLanguage(request), returned),
    };
  }
}
