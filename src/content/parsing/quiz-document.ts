import { renderInlineMarkdown, renderMarkdown, type RenderOptions } from '../rendering/markdown-renderer';
import type { ParsedQuestion } from './content.types';
import { type FrontMatter, readFrontMatter } from './front-matter';
import { checkReferences, type CourseLinkTargets } from './links';
import { analyseMarkdown } from './markdown-analysis';
import type { ProblemReport } from './problems';
import { blockEnd, findQuizBlocks, type QuizBlock } from './quiz-block';
import { parseQuestions, type RawQuestion } from './questions';
import { excerpt, splitLines } from './source-text';

/** What modules and assessments have in common: front matter, a body, ::: quiz blocks, links. */
export interface QuizDocument {
  lines: string[];
  frontMatter: FrontMatter | null;
  /** false when the front matter is never closed: nothing after line 1 can be read reliably. */
  bodyIsKnown: boolean;
  bodyStartIndex: number;
  blocks: QuizBlock[];
  questions: RawQuestion[];
  /** The file's lines with front matter and quiz blocks blanked: what is left is the lesson. */
  lessonLines: string[];
  levelOneHeadingLines: number[];
  usedMedia: string[];
}

export function readQuizDocument(text: string, report: ProblemReport, targets: CourseLinkTargets | undefined): QuizDocument {
  const lines = splitLines(text);
  const { frontMatter, bodyStartIndex, bodyIsKnown } = readFrontMatter(lines, report);
  const document: QuizDocument = {
    lines,
    frontMatter,
    bodyIsKnown,
    bodyStartIndex,
    blocks: [],
    questions: [],
    lessonLines: lines.map(() => ''),
    levelOneHeadingLines: [],
    usedMedia: [],
  };
  if (!bodyIsKnown) return document;

  document.blocks = findQuizBlocks(lines, bodyStartIndex, report);
  const seenIds = new Map<string, number>();
  const insideQuiz = new Set<number>();
  for (const block of document.blocks) {
    const end = blockEnd(block, lines.length);
    const questions = parseQuestions(lines, block.openIndex + 1, end, report, seenIds);
    if (questions.length === 0) report.add(block.openIndex + 1, 'quiz.no-questions');
    document.questions.push(...questions);
    for (let index = block.openIndex; index <= Math.min(end, lines.length - 1); index += 1) insideQuiz.add(index);
  }
  document.lessonLines = lines.map((line, index) => (index < bodyStartIndex || insideQuiz.has(index) ? '' : line));

  // Links and HTML are checked everywhere in the body, questions included.
  const findings = analyseMarkdown(lines.map((line, index) => (index < bodyStartIndex ? '' : line)));
  // One warning per line is enough to find it; closing tags add nothing.
  const linesWithHtml = new Set<number>();
  for (const html of findings.rawHtml) {
    if (linesWithHtml.has(html.line) || /^<\//.test(html.html)) continue;
    linesWithHtml.add(html.line);
    report.add(html.line, 'lesson.raw-html', { html: excerpt(html.html, 40) });
  }
  document.usedMedia = checkReferences(findings.references, targets, report);
  document.levelOneHeadingLines = findings.levelOneHeadings.filter((line) => !insideQuiz.has(line - 1));
  return document;
}

/** First non-blank line after the first quiz block, if any (text that should come before the quiz). */
export function firstLineAfterQuiz(document: QuizDocument): number | null {
  const first = document.blocks[0];
  if (!first || first.closeIndex === null) return null;
  for (let index = first.closeIndex + 1; index < document.lines.length; index += 1) {
    if (document.lessonLines[index].trim() !== '') return index + 1;
  }
  return null;
}

/** First non-blank lesson line, or null when the body outside the quiz is empty. */
export function firstLessonLine(document: QuizDocument): number | null {
  const index = document.lessonLines.findIndex((line) => line.trim() !== '');
  return index < 0 ? null : index + 1;
}

export function renderQuestions(questions: readonly RawQuestion[], options: RenderOptions): ParsedQuestion[] {
  return questions.map((question) => ({
    id: question.id,
    type: question.type ?? 'single', // only reached with a type: a question without one is an error and the course is not built
    ...(question.objective ? { objective: question.objective } : {}),
    promptHtml: renderMarkdown(question.prompt, options),
    options: question.options.map((option) => ({
      id: option.id,
      textHtml: renderInlineMarkdown(option.text, options),
      correct: option.correct,
      ...(option.feedback ? { feedbackHtml: renderInlineMarkdown(option.feedback, options) } : {}),
    })),
    ...(question.explanation ? { explanationHtml: renderMarkdown(question.explanation, options) } : {}),
    line: question.line,
  }));
}
