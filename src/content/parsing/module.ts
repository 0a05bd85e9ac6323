import { translator } from '../../i18n/i18n';
import { renderMarkdown } from '../rendering/markdown-renderer';
import type { ContentProblem, CourseSettings, Language, LearningObjective, ParsedModuleVersion, ParsedQuestion, QuizSettings } from './content.types';
import { readQuizOverrides } from './course-settings';
import { parseModuleFileName } from './file-names';
import { createCourseLinkResolver, type CourseLinkTargets } from './links';
import { checkItemWriting } from './item-writing';
import { checkModuleObjectives, readObjectives } from './objectives';
import { createProblem, hasErrors, ProblemReport } from './problems';
import { firstLessonLine, firstLineAfterQuiz, readQuizDocument, renderQuestions } from './quiz-document';
import type { RawQuestion } from './questions';
import { estimateMinutes } from './reading-time';
import { SettingsReader } from './settings-reader';
import { countWords, sha256 } from './source-text';

export const MAX_LESSON_WORDS = 3000;
/** "minutes" is still accepted (older courses have it) but ignored: minutes are computed from the text. */
const MODULE_KEYS = ['title', 'objectives', 'order', 'quiz', 'minutes'];

/** What is known about the rest of the course when one module is parsed. */
export interface ModuleContext {
  /** Course slug, for the URLs of module and media links. */
  slug?: string;
  /** When given, links to modules and media that do not exist are reported. */
  targets?: CourseLinkTargets;
  /** Module number ("01") -> its objective ids, so assessment tags like [01:o1] can be checked. */
  moduleObjectives?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Everything read from one module file, usable even when it has errors (for cross-file checks). */
export interface ModuleDraft {
  file: string;
  key: string;
  language: Language;
  title: string | undefined;
  /** Computed from the lesson's words and the number of questions (reading-time.ts). */
  minutes: number;
  order: number | undefined;
  /** null when not declared (or unusable): older modules have none. */
  objectives: LearningObjective[] | null;
  quizOverrides: Partial<QuizSettings>;
  quizSettings: QuizSettings;
  hasQuiz: boolean;
  questions: ParsedQuestion[];
  /** The questions as written (type null when unknown), for comparing languages. */
  rawQuestions: RawQuestion[];
  lessonHtml: string;
  usedMedia: string[];
  sourceText: string;
  sourceHash: string;
  /** Line of a front-matter key ("order", "quiz.max_attempts"), for problems found across files. */
  lineOf(path: readonly string[]): number;
  problems: ContentProblem[];
}

export function readModuleDraft(
  text: string,
  file: string,
  identity: { key: string; language: Language },
  courseSettings: CourseSettings,
  context: ModuleContext = {},
): ModuleDraft {
  const report = new ProblemReport(file);
  const document = readQuizDocument(text, report, context.targets);
  const reader = document.frontMatter ? new SettingsReader(document.frontMatter, report) : null;
  reader?.rejectUnknownKeys([], MODULE_KEYS);
  const quizOverrides = reader ? readQuizOverrides(reader) : {};
  const resolveLink = createCourseLinkResolver(context.slug ?? '', context.targets);
  const render = { resolveLink, tableLabel: translator(identity.language)('content.lesson.tableLabel') };
  const lesson = document.lessonLines.join('\n');
  const words = countWords(lesson);
  if (reader?.has(['minutes'])) reader.addAt(['minutes'], 'module.minutes-ignored');
  const draft: ModuleDraft = {
    file,
    ...identity,
    title: reader?.text(['title'], true),
    minutes: estimateMinutes({ words, questions: document.questions.length }),
    order: reader?.number(['order'], { required: true, integer: true, min: 1 }),
    objectives: reader ? readObjectives(reader) : null,
    quizOverrides,
    quizSettings: { ...courseSettings.quiz, ...quizOverrides },
    hasQuiz: document.blocks.length > 0,
    questions: renderQuestions(document.questions, render),
    rawQuestions: document.questions,
    lessonHtml: renderMarkdown(lesson, render),
    usedMedia: document.usedMedia,
    sourceText: text,
    sourceHash: sha256(text),
    lineOf: (path) => reader?.lineOf(path) ?? 1,
    problems: report.problems,
  };
  if (!document.bodyIsKnown) return draft;

  if (reader) checkModuleObjectives(draft.objectives, document.questions, report, (id) => reader.lineOf(['objectives', id]));
  checkItemWriting(document.questions, report);
  for (const line of document.levelOneHeadingLines) report.add(line, 'lesson.level-1-heading');
  const lessonStart = firstLessonLine(document);
  if (lessonStart === null) report.add(document.bodyStartIndex + 1, 'lesson.empty');
  if (words > MAX_LESSON_WORDS) report.add(lessonStart ?? 1, 'lesson.too-long', { words, max: MAX_LESSON_WORDS });
  const afterQuiz = firstLineAfterQuiz(document);
  if (afterQuiz !== null) report.add(afterQuiz, 'lesson.text-after-quiz');
  if (!draft.hasQuiz && courseSettings.completion.quizzes) report.add(1, 'module.no-quiz');
  if (!draft.hasQuiz && reader?.has(['quiz'])) report.add(reader.lineOf(['quiz']), 'module.quiz-settings-without-quiz');
  return draft;
}

export interface ModuleParseContext {
  slug?: string;
  /** Keys of the course's modules, e.g. "02-indicadores"; with mediaFiles, enables existence checks. */
  moduleKeys?: Iterable<string>;
  /** Keys of the course's printable tools, e.g. "indicadores"; when given, links to other tools are reported. */
  toolKeys?: Iterable<string>;
  /** Media paths relative to the course folder, e.g. "media/ruta.png". */
  mediaFiles?: Iterable<string>;
}

/**
 * Checks and renders one module file on its own, e.g. while a facilitator
 * edits it in the browser. Problems carry `fileName` and lines of that file.
 * Without `moduleKeys` and `mediaFiles`, links are checked for their form only.
 */
export function parseModuleText(
  text: string,
  fileName: string,
  courseSettings: CourseSettings,
  context: ModuleParseContext = {},
): { module: ParsedModuleVersion | null; problems: ContentProblem[] } {
  const identity = parseModuleFileName(fileName);
  if (!identity) {
    const report = new ProblemReport(fileName);
    report.add(1, 'file.bad-name', { name: fileName.split('/').pop() ?? fileName, hint: 'modules are named NN-short-name.<language>.md (e.g. 01-conceptos.es.md)' });
    return { module: null, problems: report.problems };
  }
  const targets =
    context.moduleKeys && context.mediaFiles
      ? { moduleKeys: new Set(context.moduleKeys), mediaFiles: new Set(context.mediaFiles), ...(context.toolKeys ? { toolKeys: new Set(context.toolKeys) } : {}) }
      : undefined;
  const draft = readModuleDraft(text, fileName, identity, courseSettings, { slug: context.slug, targets });
  if (courseSettings.languages.length > 0 && !courseSettings.languages.includes(identity.language)) {
    draft.problems.unshift(createProblem(fileName, 1, 'file.undeclared-language', { language: identity.language }));
  }
  return { module: hasErrors(draft.problems) ? null : toModuleVersion(draft), problems: draft.problems };
}

/** Only called on a draft without errors, where title and order are known. */
export function toModuleVersion(draft: ModuleDraft): ParsedModuleVersion {
  return {
    key: draft.key,
    language: draft.language,
    title: draft.title ?? '',
    minutes: draft.minutes,
    order: draft.order ?? 0,
    objectives: draft.objectives ?? [],
    quizSettings: draft.quizSettings,
    lessonHtml: draft.lessonHtml,
    questions: draft.questions,
    sourceText: draft.sourceText,
    sourceHash: draft.sourceHash,
  };
}
