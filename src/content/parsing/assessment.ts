import { translator } from '../../i18n/i18n';
import type { ContentProblem, Language, ParsedAssessment, ParsedQuestion } from './content.types';
import { createCourseLinkResolver } from './links';
import type { ModuleContext } from './module';
import { checkItemWriting } from './item-writing';
import { checkAssessmentTags } from './objectives';
import { ProblemReport } from './problems';
import { firstLessonLine, readQuizDocument, renderQuestions } from './quiz-document';
import type { RawQuestion } from './questions';
import { SettingsReader } from './settings-reader';
import { sha256 } from './source-text';

/** Pre- and post-tests draw from this bank; fewer questions would make the score too coarse. */
export const MIN_ASSESSMENT_QUESTIONS = 10;

export interface AssessmentDraft {
  file: string;
  language: Language;
  title: string | undefined;
  questions: ParsedQuestion[];
  /** The questions as written (type null when unknown), for comparing languages. */
  rawQuestions: RawQuestion[];
  usedMedia: string[];
  sourceText: string;
  sourceHash: string;
  problems: ContentProblem[];
}

/**
 * Reads assessment.<lang>.md. `required` is true when course.md turns on the
 * pre-test or post-test; only then is the question count enforced.
 */
export function readAssessmentDraft(text: string, file: string, language: Language, required: boolean, context: ModuleContext = {}): AssessmentDraft {
  const report = new ProblemReport(file);
  const document = readQuizDocument(text, report, context.targets);
  const reader = document.frontMatter ? new SettingsReader(document.frontMatter, report) : null;
  reader?.rejectUnknownKeys([], ['title']);
  const resolveLink = createCourseLinkResolver(context.slug ?? '', context.targets);
  const draft: AssessmentDraft = {
    file,
    language,
    title: reader?.text(['title'], true),
    questions: renderQuestions(document.questions, { resolveLink, tableLabel: translator(language)('content.lesson.tableLabel') }),
    rawQuestions: document.questions,
    usedMedia: document.usedMedia,
    sourceText: text,
    sourceHash: sha256(text),
    problems: report.problems,
  };
  if (!document.bodyIsKnown) return draft;

  checkAssessmentTags(document.questions, context.moduleObjectives ?? null, report);
  checkItemWriting(document.questions, report);
  const [firstBlock] = document.blocks;
  if (!firstBlock) report.add(document.bodyStartIndex + 1, 'assessment.no-quiz');
  const textLine = firstLessonLine(document);
  if (textLine !== null) report.add(textLine, 'assessment.text-outside-quiz');
  // With no question at all, quiz.no-questions has already said so.
  if (required && draft.questions.length > 0 && draft.questions.length < MIN_ASSESSMENT_QUESTIONS) {
    report.add(document.blocks[0].openIndex + 1, 'assessment.too-few-questions', { count: draft.questions.length, min: MIN_ASSESSMENT_QUESTIONS });
  }
  return draft;
}

export function toAssessment(draft: AssessmentDraft): ParsedAssessment {
  return { title: draft.title ?? '', questions: draft.questions, sourceText: draft.sourceText, sourceHash: draft.sourceHash };
}
