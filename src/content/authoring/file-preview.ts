import type { CourseSettings, Language, ParsedQuestion } from '../parsing';
import { readAssessmentDraft } from '../parsing/assessment';
import { parseCourseSettings } from '../parsing/course-settings';
import { readModuleDraft } from '../parsing/module';
import type { EditableFile } from './editable-files';

export type FilePreview =
  | { kind: 'module'; title: string; minutes: number | null; lessonHtml: string; questions: ParsedQuestion[] }
  | { kind: 'assessment'; title: string; questions: ParsedQuestion[] }
  | { kind: 'course'; settings: CourseSettings };

/**
 * How the file will look, rendered by the same code as an import, even when
 * the course has errors (the author sees both the page and what to fix).
 */
export function previewFile(file: EditableFile, text: string, context: { slug: string; courseText: string }): FilePreview {
  const courseFile = `${context.slug}/course.md`;
  if (file.kind === 'course') return { kind: 'course', settings: parseCourseSettings(text, courseFile).settings };
  const { settings } = parseCourseSettings(context.courseText, courseFile);
  const path = `${context.slug}/${file.file}`;
  // The file name has been checked against the course's languages, which are supported languages.
  const language = file.language as Language;
  if (file.kind === 'assessment') {
    const draft = readAssessmentDraft(text, path, language, false, { slug: context.slug });
    return { kind: 'assessment', title: draft.title ?? '', questions: draft.questions };
  }
  const draft = readModuleDraft(text, path, { key: file.key, language }, settings, { slug: context.slug });
  return { kind: 'module', title: draft.title ?? '', minutes: draft.minutes ?? null, lessonHtml: draft.lessonHtml, questions: draft.questions };
}
