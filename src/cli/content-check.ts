import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/project-root';
import { checkContentRoot } from '../content/parsing/content-root';
import type { ContentFiles, ContentProblem } from '../content/parsing/content.types';
import { loadFolder } from '../content/parsing/loader';
import { createProblem, sortProblems } from '../content/parsing/problems';
import { type Language, translator } from '../i18n/i18n';

/**
 * npm run content:check [-- [--lang es|en] folder]
 *
 * Checks every course folder in content/ (or in the folder given, or in
 * CONTENT_DIR), or a single course when the folder itself holds course.md.
 * Prints one "path:line: error|warning: message [code]" line per problem, in
 * Spanish or English (--lang, else the environment's LANG/LC_ALL, else
 * Spanish), and exits 1 when there is any error, so CI can block a broken course.
 */

export interface ContentCheckReport {
  problems: ContentProblem[];
  courseCount: number;
  /** Folder that problem paths are relative to. */
  pathsRelativeTo: string;
}

export function resolveContentDir(argument: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (argument) return resolve(cwd, argument);
  if (env.CONTENT_DIR) return resolve(PROJECT_ROOT, env.CONTENT_DIR);
  return join(PROJECT_ROOT, 'content');
}

export async function checkContentDir(dir: string): Promise<ContentCheckReport> {
  const isSingleCourse = existsSync(join(dir, 'course.md'));
  const courseFolders = isSingleCourse ? [basename(dir)] : await listCourseFolders(dir);
  const base = isSingleCourse ? dirname(dir) : dir;
  const files: ContentFiles = new Map();
  const loadProblems: ContentProblem[] = [];
  for (const slug of courseFolders) {
    try {
      for (const [path, content] of await loadFolder(join(base, slug))) files.set(`${slug}/${path}`, content);
    } catch (error) {
      loadProblems.push(createProblem(slug, 1, 'course.unreadable', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }
  const { problems, slugs } = checkContentRoot(files);
  return {
    problems: sortProblems([...loadProblems, ...problems]),
    courseCount: new Set([...slugs, ...courseFolders]).size,
    pathsRelativeTo: base,
  };
}

/** Sub-folders only: content/README.md and other loose files are not courses. */
async function listCourseFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** The facilitator's language: LC_ALL, then LC_MESSAGES, then LANG; "en…" is English, anything else Spanish. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): Language {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en_/i.test(value) ? 'en' : 'es';
}

export interface CheckArguments {
  folder: string | undefined;
  lang: Language;
  help: boolean;
  /** Set when an argument cannot be understood. */
  error?: string;
}

export function parseCheckArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CheckArguments {
  const parsed: CheckArguments = { folder: undefined, lang: languageFromEnvironment(env), help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const inline = /^--lang=(.*)$/.exec(argument);
    if (argument === '--help' || argument === '-h') parsed.help = true;
    else if (argument === '--lang' || inline) {
      const value = inline ? inline[1] : argv[(index += 1)];
      if (value === 'es' || value === 'en') parsed.lang = value;
      else parsed.error = `--lang must be es or en (got "${value ?? ''}")`;
    } else if (parsed.folder === undefined) parsed.folder = argument;
    else parsed.error = `unexpected argument "${argument}"`;
  }
  return parsed;
}

/** The problem's message in the facilitator's language (the catalogue's English message when a translation is missing). */
export function problemMessage(problem: ContentProblem, lang: Language): string {
  return translator(lang)(`content.problems.${problem.code}`, { ...problem.params, defaultValue: problem.message });
}

export function formatReport(report: ContentCheckReport, cwd: string, lang: Language = 'en'): string[] {
  const t = translator(lang);
  const prefix = relative(cwd, report.pathsRelativeTo).replace(/\/+$/, '');
  const lines = report.problems.map((problem) => {
    const path = prefix ? `${prefix}/${problem.file}` : problem.file;
    return `${path}:${problem.line}: ${t(`content.check.${problem.severity}`)}: ${problemMessage(problem, lang)} [${problem.code}]`;
  });
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const counted = (key: string, count: number) => t(`content.check.count.${key}`, { count });
  lines.push(
    t('content.check.summary', {
      courses: counted('courses', report.courseCount),
      errors: counted('errors', errors),
      warnings: counted('warnings', report.problems.length - errors),
    }),
  );
  return lines;
}

async function main(): Promise<number> {
  const args = parseCheckArguments(process.argv.slice(2), process.env);
  const t = translator(args.lang);
  if (args.help || args.error) {
    if (args.error) console.error(`content:check: ${args.error}`);
    console.log(t('content.check.usage'));
    return args.error ? 2 : 0;
  }
  const dir = resolveContentDir(args.folder, process.env, process.cwd());
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(t('content.check.notAFolder', { dir }));
    return 2;
  }
  const report = await checkContentDir(dir);
  for (const line of formatReport(report, process.cwd(), args.lang)) console.log(line);
  return report.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
