import { ANSWER_KEY_PREFIX } from './grading/answers';
import { displayLetter } from './grading/layout';
import type { AttemptLayout, QuestionResult, StoredQuestion } from './grading/quiz.types';

/** A question as the quiz form shows it: prompt and option texts only, nothing about which option is right. */
export interface FormQuestion {
  number: number;
  field: string;
  multiple: boolean;
  promptHtml: string;
  options: { inputId: string; value: string; letter: string; textHtml: string; checked: boolean }[];
}

/**
 * Builds the quiz form from the attempt layout. It copies only the prompt and
 * the option texts, so the page cannot contain correct answers, feedback or
 * explanations whatever the template does.
 */
export function formQuestions(
  layout: AttemptLayout,
  questions: readonly StoredQuestion[],
  selected: Record<string, string[]> = {},
): FormQuestion[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  return layout.map((entry, index) => {
    const question = byId.get(entry.questionId);
    const texts = new Map((question?.options ?? []).map((option) => [option.id, option.textHtml]));
    const chosen = selected[entry.questionId] ?? [];
    return {
      number: index + 1,
      field: `answers[${ANSWER_KEY_PREFIX}${entry.questionId}]`,
      multiple: question?.type === 'multiple',
      promptHtml: question?.promptHtml ?? '',
      options: entry.optionIds.map((optionId, optionIndex) => {
        const letter = displayLetter(optionIndex);
        return {
          inputId: `q${index + 1}-${letter}`,
          value: letter,
          letter: letter.toUpperCase(),
          textHtml: texts.get(optionId) ?? '',
          checked: chosen.includes(letter),
        };
      }),
    };
  });
}

export interface ResultQuestion {
  number: number;
  promptHtml: string;
  answered: boolean;
  correct: boolean;
  /** Per-question right/wrong; hidden on the pre-test, whose questions come back in the post-test. */
  showOutcome: boolean;
  options: { letter: string; textHtml: string; chosen: boolean; isCorrect: boolean; feedbackHtml: string | null }[];
  explanationHtml: string | null;
}

/**
 * The result page's questions. Which options were right, the facilitator's
 * feedback and the explanation appear only when `reveal` is on (the quiz's
 * show-answers setting); `display` gives the texts (the reader's language),
 * `graded` the truth (the version the attempt answered).
 */
export function resultQuestions(
  layout: AttemptLayout,
  graded: readonly StoredQuestion[],
  display: readonly StoredQuestion[],
  results: readonly QuestionResult[],
  options: { reveal: boolean; showOutcome: boolean },
): ResultQuestion[] {
  const truth = new Map(graded.map((question) => [question.id, question]));
  const texts = new Map(display.map((question) => [question.id, question]));
  const outcome = new Map(results.map((result) => [result.questionId, result]));
  return layout.map((entry, index) => {
    const question = texts.get(entry.questionId) ?? truth.get(entry.questionId);
    const right = new Set((truth.get(entry.questionId)?.options ?? []).filter((option) => option.correct).map((option) => option.id));
    const result = outcome.get(entry.questionId);
    return {
      number: index + 1,
      promptHtml: question?.promptHtml ?? '',
      answered: result?.answered ?? false,
      correct: result?.correct ?? false,
      showOutcome: options.showOutcome,
      options: entry.optionIds.map((optionId, optionIndex) => {
        const option = question?.options.find((candidate) => candidate.id === optionId);
        const chosen = result?.chosen.includes(optionId) ?? false;
        return {
          letter: displayLetter(optionIndex).toUpperCase(),
          textHtml: option?.textHtml ?? '',
          chosen,
          isCorrect: options.reveal && right.has(optionId),
          feedbackHtml: options.reveal && option?.feedbackHtml ? option.feedbackHtml : null,
        };
      }),
      explanationHtml: options.reveal ? (question?.explanationHtml ?? null) : null,
    };
  });
}
