import { DomainError, type MessageRef } from '../common/errors';
import type { AnswerProblem } from './grading/answers';
import type { StoredAnswers } from './grading/quiz.types';

/** A quiz action that cannot happen now (no attempts left, test closed...): shown as a message on the quiz page. */
export class QuizRefusedError extends DomainError {
  constructor(key: string) {
    super('refused', { key });
  }
}

/**
 * A submission that cannot be graded as sent: malformed answers, or unanswered
 * questions not yet confirmed. Nothing is recorded; the form comes back with
 * the learner's valid choices and these messages.
 */
export class AnswersNotAcceptedError extends DomainError {
  constructor(
    public readonly messages: MessageRef[],
    public readonly answers: StoredAnswers,
    public readonly incomplete: boolean,
  ) {
    super('form', messages[0] ?? { key: 'quizzes.problems.title' });
  }
}

export function problemMessage(problem: AnswerProblem): MessageRef {
  if (problem.code === 'badShape') return { key: 'quizzes.problems.badShape' };
  if (problem.code === 'unknownQuestion') return { key: 'quizzes.problems.unknownQuestion', params: { id: problem.questionId } };
  return { key: `quizzes.problems.${problem.code}`, params: { number: problem.position } };
}
