import { gradeAnswers } from '../../quizzes/grading/grade';
import type { AttemptLayout, StoredAnswers, StoredQuestion } from '../../quizzes/grading/quiz.types';

/**
 * Classical item analysis of one quiz, one response per learner (their first
 * submitted attempt: later ones follow shown answers and would flatter the questions).
 *
 * - share correct (difficulty p): right answers among those who answered;
 * - discrimination index D = p(upper) - p(lower), the upper and lower 27% of
 *   learners by their total score on the quiz (unanswered counts as wrong);
 * - option frequencies for single-choice and true/false questions.
 * Flags: too easy (p >= 0.9), too hard (p <= 0.2), negative discrimination (D < 0).
 * Nothing is flagged, and D is not computed, on fewer than MIN_RESPONSES answers.
 */
export const MIN_RESPONSES = 5;
export const GROUP_SHARE = 0.27;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.2;

export interface QuizResponse {
  /** The attempt's total score, 0-100. */
  score: number;
  layout: AttemptLayout;
  answers: StoredAnswers | null;
  /** The questions of the version this attempt answered (correct answers may differ between versions). */
  questions: readonly StoredQuestion[];
}

export type QuestionFlag = 'tooEasy' | 'tooHard' | 'negativeDiscrimination';

export interface OptionFrequency {
  optionId: string;
  chosen: number;
  /** Share of those who answered, 0-1. */
  share: number;
  correct: boolean;
}

export interface QuestionStats {
  questionId: string;
  type: StoredQuestion['type'];
  presented: number;
  answered: number;
  correct: number;
  /** 0-1, null when nobody answered. */
  shareCorrect: number | null;
  /** -1..1, null below MIN_RESPONSES. */
  discrimination: number | null;
  options: OptionFrequency[] | null;
  flags: QuestionFlag[];
}

interface Outcome {
  score: number;
  presented: Set<string>;
  chosen: Map<string, string[]>;
  correct: Set<string>;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function outcome(response: QuizResponse): Outcome {
  const presented = new Set(response.layout.map((entry) => entry.questionId));
  const shown = response.questions.filter((question) => presented.has(question.id));
  const graded = gradeAnswers(shown, response.answers ?? {}, 100);
  return {
    score: response.score,
    presented,
    chosen: new Map(graded.results.filter((result) => result.answered).map((result) => [result.questionId, result.chosen])),
    correct: new Set(graded.results.filter((result) => result.correct).map((result) => result.questionId)),
  };
}

function shareRight(group: Outcome[], questionId: string): number | null {
  const seen = group.filter((item) => item.presented.has(questionId));
  return seen.length ? seen.filter((item) => item.correct.has(questionId)).length / seen.length : null;
}

/** Statistics per question, in the order of `questions` (the current version, for the page). */
export function questionStatistics(questions: readonly StoredQuestion[], responses: readonly QuizResponse[]): QuestionStats[] {
  const outcomes = responses.map(outcome);
  // Ties broken by position, so the same data always gives the same groups.
  const ranked = outcomes
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.score - a.item.score || a.index - b.index)
    .map(({ item }) => item);
  const size = Math.max(1, Math.round(ranked.length * GROUP_SHARE));
  const upper = ranked.slice(0, size);
  const lower = ranked.slice(ranked.length - size);
  return questions.map((question) => {
    const presented = outcomes.filter((item) => item.presented.has(question.id)).length;
    const answeredOutcomes = outcomes.filter((item) => item.chosen.has(question.id));
    const answered = answeredOutcomes.length;
    const correct = outcomes.filter((item) => item.correct.has(question.id)).length;
    const shareCorrect = answered ? round3(correct / answered) : null;
    const enough = presented >= MIN_RESPONSES;
    const pUpper = shareRight(upper, question.id);
    const pLower = shareRight(lower, question.id);
    const discrimination = enough && pUpper !== null && pLower !== null ? round3(pUpper - pLower) : null;
    const options =
      question.type === 'multiple'
        ? null
        : question.options.map((option) => {
            const chosen = answeredOutcomes.filter((item) => item.chosen.get(question.id)!.includes(option.id)).length;
            return { optionId: option.id, chosen, share: answered ? round3(chosen / answered) : 0, correct: option.correct };
          });
    const flags: QuestionFlag[] = [];
    if (answered >= MIN_RESPONSES && shareCorrect !== null) {
      if (shareCorrect >= TOO_EASY) flags.push('tooEasy');
      if (shareCorrect <= TOO_HARD) flags.push('tooHard');
    }
    if (discrimination !== null && discrimination < 0) flags.push('negativeDiscrimination');
    return { questionId: question.id, type: question.type, presented, answered, correct, shareCorrect, discrimination, options, flags };
  });
}

/** The 1-based line of a question's "### id (type)" heading in a module file, for the editor link. */
export function questionLine(sourceText: string, questionId: string): number | null {
  const escaped = questionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^ {0,3}#{1,6}\\s+${escaped}\\s*\\(`);
  const index = sourceText.split(/\r\n|\r|\n/).findIndex((line) => heading.test(line));
  return index < 0 ? null : index + 1;
}
