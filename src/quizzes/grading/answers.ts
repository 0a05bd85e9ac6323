import { displayLetter } from './layout';
import type { AttemptLayout, StoredAnswers, StoredQuestion } from './quiz.types';

/** Form field names are `answers[q-<question id>]`: the prefix stops the body parser from reading an id like "1" as an array index. */
export const ANSWER_KEY_PREFIX = 'q-';

export type AnswerProblem =
  | { code: 'badShape' }
  | { code: 'unknownQuestion'; questionId: string }
  | { code: 'oneAnswerExpected'; position: number }
  | { code: 'repeatedOption'; position: number }
  | { code: 'unknownOption'; position: number }
  | { code: 'badValue'; position: number };

export interface ReadAnswers {
  answers: StoredAnswers;
  /** 1-based display positions of the questions left without an answer. */
  missing: number[];
  problems: AnswerProblem[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns what was posted into option ids, trusting nothing: unknown questions or
 * options, repeated options, several answers where one is expected and values
 * of the wrong shape are reported, never silently graded.
 */
export function readAnswers(layout: AttemptLayout, questions: readonly StoredQuestion[], raw: unknown): ReadAnswers {
  const problems: AnswerProblem[] = [];
  const answers: StoredAnswers = {};
  if (raw !== undefined && raw !== null && raw !== '' && !isPlainObject(raw)) {
    return { answers, missing: layout.map((_, index) => index + 1), problems: [{ code: 'badShape' }] };
  }
  const posted = new Map(Object.entries(isPlainObject(raw) ? raw : {}));
  const types = new Map(questions.map((question) => [question.id, question.type]));
  const positions = new Map(layout.map((entry, index) => [`${ANSWER_KEY_PREFIX}${entry.questionId}`, index]));
  for (const key of posted.keys()) {
    if (!positions.has(key)) problems.push({ code: 'unknownQuestion', questionId: key.slice(0, 60) });
  }
  const missing: number[] = [];
  layout.forEach((entry, index) => {
    const position = index + 1;
    const value = posted.get(`${ANSWER_KEY_PREFIX}${entry.questionId}`);
    const values = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
    if (values.length === 0) {
      missing.push(position);
      return;
    }
    if (values.some((item) => typeof item !== 'string')) {
      problems.push({ code: 'badValue', position });
      return;
    }
    const letters = values as string[];
    if (types.get(entry.questionId) !== 'multiple' && Array.isArray(value)) {
      problems.push({ code: 'oneAnswerExpected', position });
      return;
    }
    if (new Set(letters).size !== letters.length) {
      problems.push({ code: 'repeatedOption', position });
      return;
    }
    const byLetter = new Map(entry.optionIds.map((optionId, optionIndex) => [displayLetter(optionIndex), optionId]));
    const chosen = letters.map((letter) => byLetter.get(letter));
    if (chosen.some((optionId) => optionId === undefined)) {
      problems.push({ code: 'unknownOption', position });
      return;
    }
    answers[entry.questionId] = chosen as string[];
  });
  return { answers, missing, problems };
}

/** The display letters to tick again when a form is shown back to the learner. */
export function lettersFor(layout: AttemptLayout, answers: StoredAnswers): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const entry of layout) {
    const chosen = answers[entry.questionId] ?? [];
    result[entry.questionId] = entry.optionIds.flatMap((optionId, index) => (chosen.includes(optionId) ? [displayLetter(index)] : []));
  }
  return result;
}
