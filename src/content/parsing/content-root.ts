import type { ContentFiles, ContentProblem, ParsedCourse } from './content.types';
import { parseCourseFolder } from './course';
import { sortProblems } from './problems';

export interface ContentRootResult {
  /** The courses without errors, by slug. */
  courses: ParsedCourse[];
  /** Every problem of every course; files are "<slug>/<path>". */
  problems: ContentProblem[];
  /** Slugs of every course folder found, valid or not. */
  slugs: string[];
}

/**
 * Checks a folder that holds one sub-folder per course (like content/).
 * Files directly in the root, such as the authoring guide README.md, are not
 * courses and are skipped.
 */
export function checkContentRoot(files: ContentFiles): ContentRootResult {
  const folders = new Map<string, ContentFiles>();
  for (const [path, content] of files) {
    const normalised = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    const slash = normalised.indexOf('/');
    if (slash < 0) continue;
    const slug = normalised.slice(0, slash);
    const folder = folders.get(slug) ?? new Map<string, string | Buffer>();
    folder.set(normalised.slice(slash + 1), content);
    folders.set(slug, folder);
  }
  const result: ContentRootResult = { courses: [], problems: [], slugs: [...folders.keys()].sort() };
  for (const slug of result.slugs) {
    const { course, problems } = parseCourseFolder(folders.get(slug) ?? new Map(), slug);
    if (course) result.courses.push(course);
    result.problems.push(...problems);
  }
  result.problems = sortProblems(result.problems);
  return result;
}
