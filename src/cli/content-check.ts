import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/project-root';
import { checkContentRoot } from '../content/parsing/content-root';
import type { ContentFiles, ContentProblem } from '../content/parsing/content.types';
import { loadFolder } from '../content/parsing/loader';
import { createProblem, formatProblem, sortProblems } from '../content/parsing/problems';

/**
 * npm run content:check [-- folder]
 *
 * Checks every course folder in content/ (or in the folder given, or in
 * CONTENT_DIR), or a single course when the folder itself holds course.md.
 * Prints one "path:line: error|warning: message [code]" line per problem and
 * exits 1 when there is any error, so CI can block a broken course.
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
  return { problems: sortProblems([...loadProblems, ...problems]), courseCount: new Set([...slugs, ...courseFolders]).size, pathsRelativeTo: base };
}

/** Sub-folders only: content/README.md and other loose files are not courses. */
async function listCourseFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

export function formatReport(report: ContentCheckReport, cwd: string): string[] {
  const prefix = relative(cwd, report.pathsRelativeTo);
  const lines = report.problems.map((problem) => formatProblem(problem, prefix));
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const courses = `${report.courseCount} course${report.courseCount === 1 ? '' : 's'}`;
  lines.push(`content:check: ${courses} checked, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines;
}

async function main(): Promise<number> {
  const argument = process.argv[2];
  if (argument === '--help' || argument === '-h') {
    console.log('Usage: npm run content:check [-- <content folder or course folder>]  (default: $CONTENT_DIR or ./content)');
    return 0;
  }
  const dir = resolveContentDir(argument, process.env, process.cwd());
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`content:check: ${dir} is not a folder`);
    return 2;
  }
  const report = await checkContentDir(dir);
  for (const line of formatReport(report, process.cwd())) console.log(line);
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
