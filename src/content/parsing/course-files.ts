import type { ContentFiles, ContentProblem, Language } from './content.types';
import { classifyCoursePath } from './file-names';
import { createProblem } from './problems';
import { decodeUtf8 } from './source-text';

export interface TextFile {
  /** Path inside the course folder, e.g. "01-conceptos.es.md". */
  path: string;
  /** Path used in problems, e.g. "trata-de-personas/01-conceptos.es.md". */
  file: string;
  text: string;
}

/** A course folder sorted by role, from file names alone. */
export interface CourseFiles {
  courseFile: TextFile | null;
  /** module key -> language -> file, keys in file-name order. */
  modules: Map<string, Map<Language, TextFile>>;
  assessments: Map<Language, TextFile>;
  /** tool key -> language -> file (tools/<key>.<language>.md). */
  tools: Map<string, Map<Language, TextFile>>;
  /** media path ("media/ruta.png") -> content. */
  media: Map<string, string | Buffer>;
  problems: ContentProblem[];
}

export function sortCourseFiles(files: ContentFiles, slug: string): CourseFiles {
  const sorted: CourseFiles = { courseFile: null, modules: new Map(), assessments: new Map(), tools: new Map(), media: new Map(), problems: [] };
  const normalised = new Map([...files].map(([path, content]) => [normalisePath(path), content]));
  for (const path of [...normalised.keys()].sort()) {
    const content = normalised.get(path) ?? '';
    const file = `${slug}/${path}`;
    const role = classifyCoursePath(path);
    if (role.kind === 'media') {
      sorted.media.set(path, content);
      continue;
    }
    if (role.kind === 'ignored') {
      sorted.problems.push(createProblem(file, 1, 'file.ignored', { name: path }));
      continue;
    }
    if (role.kind === 'bad-name') {
      sorted.problems.push(createProblem(file, 1, 'file.bad-name', { name: path, hint: role.hint }));
      continue;
    }
    const text = decodeUtf8(content);
    if (text === null) {
      sorted.problems.push(createProblem(file, 1, 'file.not-utf8'));
      continue;
    }
    const textFile = { path, file, text };
    if (role.kind === 'course') sorted.courseFile = textFile;
    else if (role.kind === 'assessment') sorted.assessments.set(role.language, textFile);
    else if (role.kind === 'tool') {
      const versions = sorted.tools.get(role.key) ?? new Map<Language, TextFile>();
      versions.set(role.language, textFile);
      sorted.tools.set(role.key, versions);
    } else {
      const versions = sorted.modules.get(role.key) ?? new Map<Language, TextFile>();
      versions.set(role.language, textFile);
      sorted.modules.set(role.key, versions);
    }
  }
  return sorted;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
