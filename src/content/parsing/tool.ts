import { renderMarkdown } from '../rendering/markdown-renderer';
import type { ContentProblem, Language, ParsedToolVersion } from './content.types';
import { createCourseLinkResolver } from './links';
import type { ModuleContext } from './module';
import { ProblemReport } from './problems';
import { firstLessonLine, readQuizDocument } from './quiz-document';
import { SettingsReader } from './settings-reader';
import { countWords, sha256 } from './source-text';

/** About what fits on one A4 sheet in the print stylesheet (a checklist or a short form). */
export const MAX_TOOL_WORDS = 450;

/** Everything read from one tool file, usable even with errors (for cross-file checks). */
export interface ToolDraft {
  file: string;
  key: string;
  language: Language;
  title: string | undefined;
  html: string;
  usedMedia: string[];
  sourceText: string;
  sourceHash: string;
  problems: ContentProblem[];
}

/**
 * Reads tools/<key>.<language>.md: front matter with a title, then Markdown
 * (checklists, tables, blank lines to fill in). A tool has no quiz.
 */
export function readToolDraft(text: string, file: string, identity: { key: string; language: Language }, context: ModuleContext = {}): ToolDraft {
  const report = new ProblemReport(file);
  const document = readQuizDocument(text, report, context.targets);
  const reader = document.frontMatter ? new SettingsReader(document.frontMatter, report) : null;
  reader?.rejectUnknownKeys([], ['title']);
  const resolveLink = createCourseLinkResolver(context.slug ?? '', context.targets);
  const body = document.lessonLines.join('\n');
  const draft: ToolDraft = {
    file,
    ...identity,
    title: reader?.text(['title'], true),
    html: renderMarkdown(body, { resolveLink }),
    usedMedia: document.usedMedia,
    sourceText: text,
    sourceHash: sha256(text),
    problems: report.problems,
  };
  if (!document.bodyIsKnown) return draft;
  for (const block of document.blocks) report.add(block.openIndex + 1, 'tool.quiz-not-allowed');
  const start = firstLessonLine(document);
  if (start === null) report.add(document.bodyStartIndex + 1, 'tool.empty');
  const words = countWords(body);
  if (words > MAX_TOOL_WORDS) report.add(start ?? 1, 'tool.too-long', { words, max: MAX_TOOL_WORDS });
  return draft;
}

export function toToolVersion(draft: ToolDraft): ParsedToolVersion {
  return { key: draft.key, language: draft.language, title: draft.title ?? '', html: draft.html, sourceText: draft.sourceText, sourceHash: draft.sourceHash };
}
