import { LANGUAGES } from '../../i18n/i18n';
import { type Language } from './content.types';

export const COURSE_FILE = 'course.md';
export const MEDIA_FOLDER = 'media';
/** Printable tools (checklists, referral forms): tools/<key>.<language>.md. */
export const TOOLS_FOLDER = 'tools';
/** A tool's key: lowercase words joined by dashes, e.g. "indicadores" or "formulario-referencia". */
export const TOOL_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** NN-short-name: two digits, a dash, lowercase words (letters or digits) joined by dashes. */
export const MODULE_KEY_PATTERN = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COURSE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const LANGUAGE_ALTERNATIVES = LANGUAGES.join('|');
const MODULE_FILE = new RegExp(`^(\\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\\.(${LANGUAGE_ALTERNATIVES})\\.md$`);
const ASSESSMENT_FILE = new RegExp(`^assessment\\.(${LANGUAGE_ALTERNATIVES})\\.md$`);
const TOOL_FILE = new RegExp(`^${TOOLS_FOLDER}/([a-z0-9]+(?:-[a-z0-9]+)*)\\.(${LANGUAGE_ALTERNATIVES})\\.md$`);

export type CourseFileKind =
  | { kind: 'course' }
  | { kind: 'module'; key: string; language: Language }
  | { kind: 'assessment'; language: Language }
  | { kind: 'tool'; key: string; language: Language }
  | { kind: 'media' }
  | { kind: 'bad-name'; hint: string }
  | { kind: 'ignored' };

/** What a path inside a course folder is, from its name alone. */
export function classifyCoursePath(path: string): CourseFileKind {
  if (path.startsWith(`${MEDIA_FOLDER}/`)) return { kind: 'media' };
  if (path.startsWith(`${TOOLS_FOLDER}/`)) {
    const tool = TOOL_FILE.exec(path);
    if (tool) return { kind: 'tool', key: tool[1], language: tool[2] as Language }; // the pattern only admits supported languages
    if (/\.md$/i.test(path)) return { kind: 'bad-name', hint: 'tools are named tools/short-name.<language>.md (e.g. tools/indicadores.es.md)' };
    return { kind: 'ignored' };
  }
  if (path.includes('/')) return { kind: 'ignored' }; // only media/ may have sub-folders
  if (path === COURSE_FILE) return { kind: 'course' };
  const module = MODULE_FILE.exec(path);
  if (module) return { kind: 'module', key: module[1], language: module[2] as Language }; // the pattern only admits supported languages
  const assessment = ASSESSMENT_FILE.exec(path);
  if (assessment) return { kind: 'assessment', language: assessment[1] as Language }; // same
  if (/\.md$/i.test(path)) return { kind: 'bad-name', hint: explainBadMarkdownName(path) };
  return { kind: 'ignored' };
}

/** Module key and language of a file name such as "trata/01-conceptos.es.md" (folders are ignored). */
export function parseModuleFileName(fileName: string): { key: string; language: Language } | null {
  const base = fileName.split('/').pop() ?? fileName;
  const match = MODULE_FILE.exec(base);
  return match ? { key: match[1], language: match[2] as Language } : null; // the pattern only admits supported languages
}

export function moduleFileName(key: string, language: Language): string {
  return `${key}.${language}.md`;
}

export function toolFileName(key: string, language: Language): string {
  return `${TOOLS_FOLDER}/${key}.${language}.md`;
}

export function assessmentFileName(language: Language): string {
  return `assessment.${language}.md`;
}

/** The most likely slip in a Markdown file name, said plainly. */
function explainBadMarkdownName(name: string): string {
  const expected = 'modules are named NN-short-name.<language>.md (e.g. 01-conceptos.es.md); the other files are course.md and assessment.<language>.md';
  if (name.toLowerCase() === COURSE_FILE) return 'the settings file must be called course.md, in lowercase';
  const parts = name.split('.');
  const [stem] = parts;
  if (parts.length === 2 && MODULE_KEY_PATTERN.test(stem)) return `the language is missing (e.g. ${stem}.es.md)`;
  if (parts.length !== 3) return expected;
  const language = parts[1];
  if (!(LANGUAGES as readonly string[]).includes(language.toLowerCase())) {
    return `"${language}" is not a supported language (${LANGUAGES.join(', ')}); ${expected}`;
  }
  if (/^\d-/.test(stem)) return `the number needs two digits (e.g. 0${name})`;
  if (/[A-Z]/.test(name)) return `use lowercase letters only (${name.toLowerCase()})`;
  if (/[\s_]/.test(stem)) return `use dashes between words, not spaces or underscores (${stem.replace(/[\s_]+/g, '-')}.${language}.md)`;
  return expected;
}
