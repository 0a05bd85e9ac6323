import type { ProblemReport } from './problems';
import type { RawOption, RawQuestion } from './questions';

/**
 * Warnings about item-writing flaws that let a learner answer without
 * knowing the content (test-wise cues), as a reviewer would flag them. They
 * look at one quiz (a module's, or the pre/post-test bank) at a time.
 * The thresholds are documented in content/README.md.
 */

/** The correct option may be the strictly longest in at most half of a quiz's single-choice questions. */
export const LONGEST_CORRECT_MAX_SHARE = 0.5;
/** ...counted only from this many single-choice questions on (one question is not a pattern). */
export const LONGEST_CORRECT_MIN_QUESTIONS = 2;
/** True/false keys: at most 70% one way, checked from 4 true/false questions on. */
export const TRUE_FALSE_MAX_SHARE = 0.7;
export const TRUE_FALSE_MIN_QUESTIONS = 4;
/** Options "differ wildly" when the longest is more than 3 times the shortest AND more than 40 characters longer. */
export const UNEVEN_RATIO = 3;
export const UNEVEN_MIN_DIFFERENCE = 40;
/** Repeated options are compared from this many words on: short answers (an institution, a number, "Sí") recur naturally. */
export const REPEATED_OPTION_MIN_WORDS = 4;

const ALL_OR_NONE = /\b(?:tod[ao]s|ningun[ao]\s+de)\s+(?:las|los)\s+(?:(?:opciones|respuestas)\s+)?anteriores\b|\b(?:all|none)\s+of\s+the\s+above\b/i;
const TRUE_WORDS = new Set(['verdadero', 'true', 'cierto', 'verdad']);
const FALSE_WORDS = new Set(['falso', 'false']);

/** What a learner sees of an option, for comparing lengths: Markdown marks and link addresses removed, spaces collapsed. */
export function visibleText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function normalised(option: RawOption): string {
  return visibleText(option.text).toLowerCase().replace(/[.;:]+$/, '');
}

/** true when the correct option of a single-choice question is longer than every other option. */
export function correctIsStrictlyLongest(question: RawQuestion): boolean {
  const correct = question.options.filter((option) => option.correct);
  if (question.type !== 'single' || correct.length !== 1 || question.options.length < 2) return false;
  const length = visibleText(correct[0].text).length;
  return question.options.every((option) => option === correct[0] || visibleText(option.text).length < length);
}

/** The key of a true/false question: true, false, or null when the options are not recognisably "true"/"false" words. */
export function trueFalseKey(question: RawQuestion): boolean | null {
  if (question.type !== 'truefalse' || question.options.length !== 2) return null;
  const correct = question.options.find((option) => option.correct);
  if (!correct) return null;
  const word = normalised(correct).replace(/[.!]$/, '');
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

export function checkItemWriting(questions: readonly RawQuestion[], report: ProblemReport): void {
  checkLongestCorrect(questions, report);
  checkTrueFalseBalance(questions, report);
  const seen = new Map<string, { id: string }>();
  for (const question of questions) {
    if (question.type === null) continue;
    for (const option of question.options) {
      if (ALL_OR_NONE.test(visibleText(option.text))) report.add(option.line, 'question.all-or-none-of-the-above', { id: question.id, option: option.id });
    }
    if (question.type !== 'truefalse') {
      checkUnevenOptions(question, report);
      checkRepeatedOptions(question, seen, report);
    }
  }
}

function checkLongestCorrect(questions: readonly RawQuestion[], report: ProblemReport): void {
  const single = questions.filter((question) => question.type === 'single');
  const longest = single.filter(correctIsStrictlyLongest);
  if (single.length < LONGEST_CORRECT_MIN_QUESTIONS || longest.length <= single.length * LONGEST_CORRECT_MAX_SHARE) return;
  report.add(longest[0].line, 'quiz.correct-option-longest', { count: longest.length, total: single.length, ids: longest.map((question) => question.id).join(', ') });
}

function checkTrueFalseBalance(questions: readonly RawQuestion[], report: ProblemReport): void {
  const keyed = questions.map((question) => ({ question, key: trueFalseKey(question) })).filter((entry) => entry.key !== null);
  if (keyed.length < TRUE_FALSE_MIN_QUESTIONS) return;
  const trueCount = keyed.filter((entry) => entry.key === true).length;
  const majority = Math.max(trueCount, keyed.length - trueCount);
  if (majority <= keyed.length * TRUE_FALSE_MAX_SHARE) return;
  const answer = trueCount > keyed.length - trueCount ? 'true' : 'false';
  report.add(keyed[0].question.line, 'quiz.true-false-unbalanced', { count: majority, total: keyed.length, answer });
}

function checkUnevenOptions(question: RawQuestion, report: ProblemReport): void {
  const lengths = question.options.map((option) => visibleText(option.text).length).filter((length) => length > 0);
  if (lengths.length < 2) return;
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  if (longest > shortest * UNEVEN_RATIO && longest - shortest > UNEVEN_MIN_DIFFERENCE) {
    report.add(question.line, 'question.uneven-options', { id: question.id, shortest, longest });
  }
}

/** Same option text (of 4 words or more) in two questions of one quiz: the learner can match them up; true/false options are exempt. */
function checkRepeatedOptions(question: RawQuestion, seen: Map<string, { id: string }>, report: ProblemReport): void {
  const own = new Set<string>();
  for (const option of question.options) {
    const text = normalised(option);
    if (text.split(' ').length < REPEATED_OPTION_MIN_WORDS || own.has(text)) continue; // repeated inside one question is question.duplicate-option
    own.add(text);
    const earlier = seen.get(text);
    if (earlier) report.add(option.line, 'quiz.repeated-option', { id: question.id, option: option.id, otherId: earlier.id });
    else seen.set(text, { id: question.id });
  }
}
