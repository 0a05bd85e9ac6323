import type { NestExpressApplication } from '@nestjs/platform-express';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CourseEditor } from '../../src/content/authoring/entities/course-editor.entity';
import { Course } from '../../src/content/entities/course.entity';
import { CourseModule } from '../../src/content/entities/course-module.entity';
import { ModuleVersion } from '../../src/content/entities/module-version.entity';
import { ContentImportService, type CourseImportResult } from '../../src/content/import/content-import.service';
import { loadFolder } from '../../src/content/parsing';
import { PROJECT_ROOT } from '../../src/config/project-root';

export const FIXTURE_CONTENT = join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'content');
export const FIXTURE_SLUG = 'curso-prueba';

/** A writable copy of the fixture content folder, so a test can edit files and import again. */
export interface ContentCopy {
  root: string;
  courseDir(slug?: string): string;
  read(file: string, slug?: string): string;
  write(file: string, text: string | Buffer, slug?: string): void;
  remove(file: string, slug?: string): void;
  dispose(): void;
}

export function copyFixtureContent(): ContentCopy {
  const root = mkdtempSync(join(tmpdir(), 'aprende-content-'));
  cpSync(FIXTURE_CONTENT, root, { recursive: true });
  const courseDir = (slug = FIXTURE_SLUG) => join(root, slug);
  return {
    root,
    courseDir,
    read: (file, slug) => readFileSync(join(courseDir(slug), file), 'utf8'),
    write: (file, text, slug) => writeFileSync(join(courseDir(slug), file), text),
    remove: (file, slug) => rmSync(join(courseDir(slug), file)),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Imports the fixture course (or a copy of it) as the web would, and returns its id. */
export async function importFixtureCourse(
  app: NestExpressApplication,
  dir = join(FIXTURE_CONTENT, FIXTURE_SLUG),
  slug = FIXTURE_SLUG,
): Promise<number> {
  const result = await app.get(ContentImportService).importCourse(slug, await loadFolder(dir), { actorId: null, source: 'upload' });
  if (result.status !== 'created' && result.status !== 'updated' && result.status !== 'unchanged') {
    throw new Error(`Fixture import failed: ${JSON.stringify(result)}`);
  }
  return result.courseId;
}

export function expectImported(result: CourseImportResult): Extract<CourseImportResult, { courseId: number }> {
  if (!('courseId' in result)) throw new Error(`Expected an import, got ${JSON.stringify(result)}`);
  return result;
}

export async function assignEditor(app: NestExpressApplication, courseId: number, userId: number): Promise<void> {
  await app.get(DataSource).getRepository(CourseEditor).insert({ courseId, userId });
}

export async function courseBySlug(app: NestExpressApplication, slug = FIXTURE_SLUG): Promise<Course> {
  return app.get(DataSource).getRepository(Course).findOneOrFail({ where: { slug } });
}

/** Row counts of every content table, to prove that an import wrote nothing. */
export async function contentRowCounts(app: NestExpressApplication): Promise<Record<string, number>> {
  const dataSource = app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of ['course', 'course_module', 'module_version', 'course_media', 'content_change']) {
    const [row] = await dataSource.query<{ count: string | number }[]>(`SELECT COUNT(*) AS count FROM ${table}`);
    counts[table] = Number(row.count);
  }
  return counts;
}

/** Every version of one module file, newest first. */
export async function versionsOf(app: NestExpressApplication, courseId: number, key: string, language: string): Promise<ModuleVersion[]> {
  const dataSource = app.get(DataSource);
  const module = await dataSource.getRepository(CourseModule).findOneByOrFail({ courseId, key });
  return dataSource.getRepository(ModuleVersion).find({ where: { moduleId: module.id, language }, order: { version: 'DESC' } });
}

export async function moduleOf(app: NestExpressApplication, courseId: number, key: string): Promise<CourseModule> {
  return app.get(DataSource).getRepository(CourseModule).findOneByOrFail({ courseId, key });
}
