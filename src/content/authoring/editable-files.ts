import { classifyCoursePath } from '../parsing/file-names';

export type EditableFile =
  | { kind: 'course'; file: 'course.md' }
  | { kind: 'module'; file: string; key: string; language: string }
  | { kind: 'assessment'; file: string; language: string };

/**
 * The Markdown files of a course a facilitator may open in the editor:
 * course.md, a language the course declares of one of its active modules, and
 * the assessment in a declared language. Anything else is "not found".
 */
export function editableFile(file: string, course: { languages: string[]; activeModuleKeys: string[] }): EditableFile | null {
  const role = classifyCoursePath(file);
  if (role.kind === 'course') return { kind: 'course', file: 'course.md' };
  if (role.kind === 'module' && course.languages.includes(role.language) && course.activeModuleKeys.includes(role.key)) {
    return { kind: 'module', file, key: role.key, language: role.language };
  }
  if (role.kind === 'assessment' && course.languages.includes(role.language)) return { kind: 'assessment', file, language: role.language };
  return null;
}

/** What a browser sends from a textarea uses CRLF line ends; files are kept with LF so an unchanged save stays unchanged. */
export function normaliseEditorText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A new module's file for one language, ready to fill in. */
export function newModuleTemplate(language: string, order: number): string {
  const heading = language === 'es' ? 'Introducción' : 'Introduction';
  // Minutes are computed from the text; the objectives are filled in by the author (2 to 4, each assessed by a question).
  return `---\ntitle: \nobjectives:\n  o1: \n  o2: \norder: ${order}\n---\n\n## ${heading}\n\n`;
}
