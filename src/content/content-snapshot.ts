import type { CourseModule } from './entities/course-module.entity';
import type { Course } from './entities/course.entity';
import type { ModuleVersion } from './entities/module-version.entity';

/** What a syllabus needs of a current version: never the lesson text or the questions. */
export type VersionSummary = Pick<ModuleVersion, 'id' | 'moduleId' | 'language' | 'title' | 'questionCount'>;

/** Published content as one instance holds it in memory, loaded at one content version. */
export interface ContentSnapshot {
  version: number;
  /** Every course (published or not), oldest first. */
  courses: Course[];
  bySlug: Map<string, Course>;
  byId: Map<number, Course>;
  /** Active lessons of each course in syllabus order. */
  lessons: Map<number, CourseModule[]>;
  /** Active printable tools of each course (kind 'tool'). */
  tools: Map<number, CourseModule[]>;
  /** The active assessment module of each course that has one. */
  assessments: Map<number, CourseModule>;
  /** The current versions of each active module, one per language. */
  versions: Map<number, VersionSummary[]>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Builds the lookup maps from the rows (pure). Everything is frozen: the same
 * objects are handed to every request, so none may change them.
 */
export function buildSnapshot(version: number, courses: Course[], modules: CourseModule[], versions: VersionSummary[]): ContentSnapshot {
  deepFreeze([courses, modules, versions]);
  const sortedCourses = [...courses].sort((a, b) => a.id - b.id);
  const lessons = new Map<number, CourseModule[]>();
  const assessments = new Map<number, CourseModule>();
  const tools = new Map<number, CourseModule[]>();
  const ordered = [...modules].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const module of ordered) {
    if (!module.active) continue;
    if (module.kind === 'assessment') assessments.set(module.courseId, module);
    else if (module.kind === 'lesson') lessons.set(module.courseId, [...(lessons.get(module.courseId) ?? []), module]);
    else tools.set(module.courseId, [...(tools.get(module.courseId) ?? []), module]);
  }
  const byModule = new Map<number, VersionSummary[]>();
  for (const summary of versions) byModule.set(summary.moduleId, [...(byModule.get(summary.moduleId) ?? []), summary]);
  return Object.freeze({
    version,
    courses: sortedCourses,
    bySlug: new Map(sortedCourses.map((course) => [course.slug, course])),
    byId: new Map(sortedCourses.map((course) => [course.id, course])),
    lessons,
    tools,
    assessments,
    versions: byModule,
  });
}

/** Languages to try, best first: the wanted one, then the course's own order. */
export function languagePreference(course: Pick<Course, 'languages'>, language: string): string[] {
  return [language, ...course.languages.filter((candidate) => candidate !== language)];
}

export function pickVersion<T extends { language: string }>(versions: readonly T[], preference: string[]): T | undefined {
  for (const language of preference) {
    const found = versions.find((version) => version.language === language);
    if (found) return found;
  }
  return versions[0];
}
