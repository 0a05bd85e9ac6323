import type { QuestionType } from './content.types';
import type { ProblemReport } from './problems';
import { FenceTracker } from './quiz-block';

export interface RawOption {
  /** 'a', 'b', ... by position: the same in every language. */
  id: string;
  correct: boolean;
  /** Markdown of the option (one line, or several joined). */
  text: string;
  /** Markdown of the "  > ..." lines under the option, if any. */
  feedback: string | null;
  line: number;
}

export interface RawQuestion {
  id: string;
  /** null when the heading gave no known type (already reported). */
  type: QuestionType | null;
  /** The tag after the type, "o1" in "### q1 (single) [o1]" or "01:o1" in an assessment; null without one. */
  objective: string | null;
  line: number;
  prompt: string;
  options: RawOption[];
  explanation: string | null;
  explanationLine: number | null;
}

export const QUESTION_ID_MAX_LENGTH = 60;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;

const TYPE_ALIASES: Record<string, QuestionType> = {
  single: 'single',
  unica: 'single',
  única: 'single',
  multiple: 'multiple',
  múltiple: 'multiple',
  truefalse: 'truefalse',
  vf: 'truefalse',
};

const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*$/;
const QUESTION_HEADING = /^(\S+)\s*\(\s*([^()]*?)\s*\)(?:\s*\[\s*([^[\]]*?)\s*\])?$/;
const QUESTION_ID = new RegExp(`^[A-Za-z0-9-]{1,${QUESTION_ID_MAX_LENGTH}}$`);
const OPTION = /^-\s+\[([ xX])\]\s*(.*?)\s*$/;
/** Something meant as an option but mistyped: "* [x]", "-[x]", "- []", "- [v]", "1. [x]". */
const MISTYPED_OPTION = /^\s{0,3}(?:[-*+]|\d+[.)])\s*\[[^\]]{0,3}\]/;
const PLAIN_LIST_ITEM = /^\s{0,3}[-*+]\s+\S/;
const INDENTED = /^(?: {2,}|\t)/;
const EXPLANATION = /^(?:explicación|explicacion|explanation)\s*:\s*(.*)$/i;

type Section = 'prompt' | 'options' | 'explanation';

/** Builds one question from the lines under its heading. */
class QuestionBuilder {
  readonly question: RawQuestion;
  private section: Section = 'prompt';
  private readonly promptLines: string[] = [];
  private readonly explanationLines: string[] = [];
  private previousLineBlank = false;
  private reportedUnexpectedText = false;

  constructor(id: string, type: QuestionType | null, line: number, private readonly report: ProblemReport, objective: string | null = null) {
    this.question = { id, type, objective, line, prompt: '', options: [], explanation: null, explanationLine: null };
  }

  addLine(line: string, lineNumber: number, isCode: boolean): void {
    const blank = line.trim() === '';
    if (this.section === 'explanation' || (isCode && this.section === 'prompt')) {
      (this.section === 'explanation' ? this.explanationLines : this.promptLines).push(line);
    } else if (blank) {
      if (this.section === 'prompt') this.promptLines.push(line);
    } else if (this.section === 'prompt') {
      this.addPromptLine(line, lineNumber);
    } else {
      this.addOptionsLine(line, lineNumber);
    }
    this.previousLineBlank = blank;
  }

  private addPromptLine(line: string, lineNumber: number): void {
    const explanation = EXPLANATION.exec(line);
    if (OPTION.test(line)) this.addOption(line, lineNumber);
    else if (MISTYPED_OPTION.test(line)) this.report.add(lineNumber, 'question.bad-option-marker', { text: line.trim() });
    else if (explanation) this.report.add(lineNumber, 'question.explanation-before-options', { id: this.question.id });
    else this.promptLines.push(line);
  }

  private addOptionsLine(line: string, lineNumber: number): void {
    const lastOption = this.question.options[this.question.options.length - 1];
    const explanation = EXPLANATION.exec(line);
    if (OPTION.test(line)) {
      this.addOption(line, lineNumber);
    } else if (MISTYPED_OPTION.test(line) || PLAIN_LIST_ITEM.test(line)) {
      this.report.add(lineNumber, 'question.bad-option-marker', { text: line.trim() });
    } else if (explanation) {
      this.section = 'explanation';
      this.question.explanationLine = lineNumber;
      this.explanationLines.push(explanation[1]);
    } else if (INDENTED.test(line) || line.startsWith('>')) {
      const text = line.trim();
      if (text.startsWith('>')) {
        if (!INDENTED.test(line)) this.report.add(lineNumber, 'question.feedback-not-indented', { option: lastOption.id });
        lastOption.feedback = lastOption.feedback === null ? stripQuote(text) : `${lastOption.feedback}\n${stripQuote(text)}`;
      } else {
        this.continueOption(lastOption, text);
      }
    } else if (!this.previousLineBlank) {
      this.continueOption(lastOption, line.trim()); // Markdown "lazy" continuation of the option's line
    } else if (!this.reportedUnexpectedText) {
      this.reportedUnexpectedText = true;
      this.report.add(lineNumber, 'question.unexpected-text', { id: this.question.id });
    }
  }

  private addOption(line: string, lineNumber: number): void {
    const [, mark, text] = OPTION.exec(line) ?? ['', ' ', ''];
    const id = String.fromCharCode('a'.charCodeAt(0) + this.question.options.length);
    this.question.options.push({ id, correct: mark !== ' ', text, feedback: null, line: lineNumber });
    this.section = 'options';
  }

  private continueOption(option: RawOption, text: string): void {
    if (option.feedback !== null) option.feedback = `${option.feedback}\n${text}`;
    else option.text = option.text === '' ? text : `${option.text}\n${text}`;
  }

  finish(): RawQuestion {
    this.question.prompt = this.promptLines.join('\n').trim();
    if (this.question.explanationLine !== null) this.question.explanation = this.explanationLines.join('\n').trim();
    return this.question;
  }
}

function stripQuote(text: string): string {
  return text.replace(/^>\s?/, '');
}

/**
 * Parses the questions between `start` and `end` (0-based, end exclusive).
 * `seenIds` (lowercased id -> line) is shared by every quiz block of a file,
 * so ids are unique per file.
 */
export function parseQuestions(lines: readonly string[], start: number, end: number, report: ProblemReport, seenIds: Map<string, number>): RawQuestion[] {
  const questions: RawQuestion[] = [];
  const fences = new FenceTracker();
  let current: QuestionBuilder | null = null;
  let reportedLooseText = false;
  for (let index = start; index < end; index += 1) {
    const line = lines[index];
    const isCode = fences.isCode(line);
    const heading = isCode ? null : HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = (heading[2] ?? '').replace(/\s+#+$/, '');
      if (level !== 3) report.add(index + 1, 'quiz.wrong-heading-level', { marks: heading[1] });
      if (level === 3 || QUESTION_HEADING.test(text)) {
        if (current) questions.push(current.finish());
        current = startQuestion(text, index + 1, report, seenIds);
        continue;
      }
    }
    if (current) current.addLine(line, index + 1, isCode);
    else if (line.trim() !== '' && !reportedLooseText) {
      reportedLooseText = true;
      report.add(index + 1, 'quiz.text-before-first-question');
    }
  }
  if (current) questions.push(current.finish());
  for (const question of questions) checkQuestion(question, report);
  return questions;
}

function startQuestion(headingText: string, line: number, report: ProblemReport, seenIds: Map<string, number>): QuestionBuilder {
  const match = QUESTION_HEADING.exec(headingText);
  if (!match) {
    report.add(line, 'question.missing-type', { heading: headingText });
    return new QuestionBuilder(headingText.split(/\s+/)[0] ?? '', null, line, report);
  }
  const [, id, typeText, objective] = match;
  if (!QUESTION_ID.test(id)) report.add(line, 'question.bad-id', { id, max: QUESTION_ID_MAX_LENGTH });
  const type = TYPE_ALIASES[typeText.toLowerCase()] ?? null;
  if (!type) report.add(line, 'question.unknown-type', { type: typeText });
  const firstLine = seenIds.get(id.toLowerCase());
  if (firstLine !== undefined) report.add(line, 'question.duplicate-id', { id, firstLine });
  else seenIds.set(id.toLowerCase(), line);
  return new QuestionBuilder(id, type, line, report, objective ?? null);
}

function checkQuestion(question: RawQuestion, report: ProblemReport): void {
  const { id, type, line, options } = question;
  if (question.prompt === '') report.add(line, 'question.no-prompt', { id });
  if (type === 'truefalse' && options.length !== 2 && options.length > 0) {
    report.add(line, 'question.truefalse-needs-two-options', { id, count: options.length });
  } else if (options.length < MIN_OPTIONS) {
    report.add(line, 'question.too-few-options', { id, count: options.length, min: MIN_OPTIONS, max: MAX_OPTIONS });
  } else if (options.length > MAX_OPTIONS) {
    report.add(line, 'question.too-many-options', { id, count: options.length, max: MAX_OPTIONS });
  }
  const correctCount = options.filter((option) => option.correct).length;
  if (options.length > 0 && correctCount === 0) report.add(line, 'question.no-correct-option', { id });
  if ((type === 'single' || type === 'truefalse') && correctCount > 1) report.add(line, 'question.too-many-correct', { id, type, count: correctCount });
  const seenTexts = new Map<string, string>();
  for (const option of options) {
    const normalised = option.text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (normalised === '') {
      report.add(option.line, 'question.empty-option', { id, option: option.id });
      continue;
    }
    const earlier = seenTexts.get(normalised);
    if (earlier) report.add(option.line, 'question.duplicate-option', { id, option: earlier, otherOption: option.id });
    else seenTexts.set(normalised, option.id);
  }
  if (question.explanation === '' && question.explanationLine !== null) report.add(question.explanationLine, 'question.empty-explanation', { id });
}
