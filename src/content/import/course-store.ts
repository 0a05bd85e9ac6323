import { EntityManager, In } from 'typeorm';
import { Course } from '../entities/course.entity';
import { CourseMedia } from '../entities/course-media.entity';
import { CourseModule } from '../entities/course-module.entity';
import { ModuleVersion } from '../entities/module-version.entity';
import type { ContentFiles } from '../parsing/content.types';
import { COURSE_FILE } from './course-mapping';
import type { StoredCourseState, StoredModuleState } from './import-plan';

/** What the importer compares against: the course row plus its modules, current versions and media hashes. */
export async function loadStoredState(manager: EntityManager, slug: string): Promise<{ course: Course; state: StoredCourseState } | null> {
  const course = await manager.findOne(Course, { where: { slug } });
  if (!course) return null;
  const modules = await manager.find(CourseModule, { where: { courseId: course.id }, order: { id: 'ASC' } });
  const moduleIds = modules.map((module) => module.id);
  const current = moduleIds.length
    ? await manager.find(ModuleVersion, {
      where: { moduleId: In(moduleIds), current: true },
      select: { id: true, moduleId: true, language: true, version: true, title: true, sourceHash: true, lessonHtml: true, questions: true, quizSettings: true, objectives: true },
    })
    : [];
  const maxima = moduleIds.length
    ? await manager.createQueryBuilder(ModuleVersion, 'version')
      .select('version.moduleId', 'moduleId').addSelect('version.language', 'language').addSelect('MAX(version.version)', 'max')
      .where('version.moduleId IN (:...moduleIds)', { moduleIds })
      .groupBy('version.moduleId').addGroupBy('version.language')
      .getRawMany<{ moduleId: number | string; language: string; max: number | string }>()
    : [];
  const media = await manager.find(CourseMedia, { where: { courseId: course.id }, select: { path: true, sha256: true } });
  const state: StoredCourseState = {
    id: course.id,
    sourceHash: course.sourceHash,
    hasSourceText: course.sourceText !== null,
    media: media.map(({ path, sha256 }) => ({ path, sha256 })),
    modules: modules.map((module): StoredModuleState => ({
      id: module.id, key: module.key, kind: module.kind, position: module.position, minutes: module.minutes, active: module.active,
      current: Object.fromEntries(current.filter((version) => version.moduleId === module.id).map((version) => [version.language, version])),
      // PostgreSQL returns aggregates as strings.
      maxVersion: Object.fromEntries(maxima.filter((row) => Number(row.moduleId) === module.id).map((row) => [row.language, Number(row.max)])),
    })),
  };
  return { course, state };
}

/**
 * The course folder as it is live now: course.md, the current version of
 * every language of every active module (and the assessment), and the media.
 * Editing one file means: take this folder, replace the file, check it all.
 */
export async function loadCourseFiles(manager: EntityManager, courseId: number, options: { media: boolean } = { media: true }): Promise<ContentFiles> {
  const course = await manager.findOneOrFail(Course, { where: { id: courseId }, select: { id: true, sourceText: true } });
  const files: ContentFiles = new Map();
  if (course.sourceText !== null) files.set(COURSE_FILE, course.sourceText);
  const versions = await manager.createQueryBuilder(ModuleVersion, 'version')
    .innerJoin('version.module', 'module')
    .select('module.key', 'key').addSelect('version.language', 'language').addSelect('version.sourceText', 'sourceText')
    .where('module.courseId = :courseId AND module.active = :active AND version.current = :current', { courseId, active: true, current: true })
    .getRawMany<{ key: string; language: string; sourceText: string }>();
  for (const version of versions) files.set(`${version.key}.${version.language}.md`, version.sourceText);
  if (options.media) {
    const media = await manager.find(CourseMedia, { where: { courseId }, select: { path: true, dataBase64: true }, order: { path: 'ASC' } });
    for (const file of media) files.set(file.path, Buffer.from(file.dataBase64, 'base64'));
  }
  return files;
}
