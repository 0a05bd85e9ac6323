import type { QuizKind } from '../entities/quiz-attempt.entity';

/**
 * Whether a result page may show the right options, the feedback and the
 * explanations. The pre-test never does (its questions come back in the
 * post-test). The post-test does only once the learner has passed it or has no
 * attempt left: shown earlier, later attempts would measure memory of the key.
 * Module quizzes follow their show-answers setting.
 */
export function mayRevealAnswers(input: { kind: QuizKind; showAnswers: boolean; passed: boolean; attemptsLeft: number | null }): boolean {
  if (!input.showAnswers || input.kind === 'pre') return false;
  if (input.kind === 'post') return input.passed || input.attemptsLeft === 0;
  return true;
}
