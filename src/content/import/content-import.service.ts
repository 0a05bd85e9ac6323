import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { bumpContentVersion } from '../content-version';
import { Course } from '../entities/course.entity';
import { PublishedContentService } from '../published-content.service';
import { type ContentFiles, type ContentProblem, loadFolder, parseCourseFolder, type ParsedCourse } from '../parsing';
import { createProblem } from '../parsing/problems';
import { sha256 } from '../parsing/source-text';
import { COURSE_FILE, courseRecord, moduleRecords } from './course-mapping';
import { loadStoredState } from './course-store';
import { isEmptyPlan, planCourseImport, type PlannedChange } from './import-plan';
import { type MediaFileData, writePlan } from './plan-writer';

/** folder: the content directory (startup, CLI); editor and upload: the web. */
export type ImportSource = 'folder' | 'editor' | 'upload';

export interface ImportOptions {
  actorId: number | null;
  source: ImportSource;
  /** Folder imports skip a folder unchanged since its last import; force compares it file by file anyway. */
  force?: boolean;
  /** Refuse to create a course that does not exist yet (a facilitator may only update assigned courses). */
  mustExist?: boolean;
}

/** Builds the course folder to import from what is stored; may throw to abort without writing. */
export type FolderBuilder = (manager: EntityManager, course: Course | null) => Promise<ContentFiles>;

export type CourseImportResult =
  | { slug: string; status: 'invalid'; problems: ContentProblem[] }
  | { slug: string; status: 'missing' }
  | { slug: string; status: 'failed'; reason: string }
  | { slug: string; status: 'created' | 'updated' | 'unchanged'; courseId: number; changes: PlannedChange[]; problems: ContentProblem[] };

function courseFileOf(files: ContentFiles): { text: string; hash: string } {
  const content = files.get(COURSE_FILE) ?? '';
  // The parser accepted the file, so it is UTF-8; TextDecoder drops a BOM the same way the parser does.
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  return { text, hash: sha256(text) };
}

function mediaOf(course: ParsedCourse, files: ContentFiles): Map<string, MediaFileData> {
  const media = new Map<string, MediaFileData>();
  for (const path of course.mediaFiles) {
    const content = files.get(path) ?? Buffer.alloc(0);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    media.set(path, { bytes, sha256: sha256(bytes) });
  }
  return media;
}

/**
 * Imports course folders into the database. Every course is checked whole
 * before anything is written and written in one transaction, so a course is
 * either fully updated or left exactly as it was.
 */
@Injectable()
export class ContentImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly published: PublishedContentService,
  ) {}

  /**
   * Checks a course folder whole and, when it has no errors, brings the
   * database in line with it. `files` may be a function that builds the folder
   * inside the import's transaction (the editor: the live folder with one file
   * replaced), so a concurrent save cannot slip in between reading and writing.
   */
  async importCourse(slug: string, files: ContentFiles | FolderBuilder, options: ImportOptions): Promise<CourseImportResult> {
    try {
      return await this.importInTransaction(slug, files, options);
    } finally {
      // Committed or not: this instance's next read checks the content version (others within a second).
      this.published.invalidate();
    }
  }

  private importInTransaction(slug: string, files: ContentFiles | FolderBuilder, options: ImportOptions): Promise<CourseImportResult> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await loadStoredState(manager, slug);
      if (!stored && options.mustExist) return { slug, status: 'missing' } as const;
      const folder = typeof files === 'function' ? await files(manager, stored?.course ?? null) : files;
      const { course: parsed, problems } = parseCourseFolder(folder, slug);
      if (!parsed) return { slug, status: 'invalid', problems } as const;
      const fromFolder = options.source === 'folder';
      if (stored && fromFolder && !options.force && stored.course.importedFolderHash === parsed.courseSourceHash) {
        return { slug, status: 'unchanged', courseId: stored.course.id, changes: [], problems } as const;
      }
      const record = courseRecord(parsed.settings, courseFileOf(folder));
      const media = mediaOf(parsed, folder);
      const mediaRecords = [...media].map(([path, file]) => ({ path, sha256: file.sha256 }));
      const plan = planCourseImport(record, moduleRecords(parsed), mediaRecords, stored?.state ?? null);
      let courseId = stored?.course.id ?? null;
      if (!isEmptyPlan(plan)) {
        courseId = await writePlan(manager, plan, { slug, courseId, course: record, media, actorId: options.actorId, now: this.clock.now() });
        await bumpContentVersion(manager);
      }
      if (fromFolder && courseId !== null && stored?.course.importedFolderHash !== parsed.courseSourceHash) {
        await manager.update(Course, { id: courseId }, { importedFolderHash: parsed.courseSourceHash });
      }
      const status = !stored ? 'created' : isEmptyPlan(plan) ? 'unchanged' : 'updated';
      return { slug, status, courseId: courseId ?? 0, changes: plan.changes, problems } as const;
    });
  }

  /**
   * Every sub-folder of `dir` is a course; files beside them (README.md) are
   * not. A folder that holds course.md itself is one course, as in content:check.
   */
  async importFolder(dir: string, options: Pick<ImportOptions, 'force'> = {}): Promise<CourseImportResult[]> {
    const single = existsSync(join(dir, COURSE_FILE));
    const base = single ? dirname(dir) : dir;
    const entries = single ? [] : await readdir(dir, { withFileTypes: true });
    const slugs = single ? [basename(dir)] : entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
    const results: CourseImportResult[] = [];
    for (const slug of slugs) {
      let files: ContentFiles;
      try {
        files = await loadFolder(join(base, slug));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        results.push({ slug, status: 'invalid', problems: [createProblem(slug, 1, 'course.unreadable', { reason })] });
        continue;
      }
      try {
        results.push(await this.importCourse(slug, files, { actorId: null, source: 'folder', force: options.force }));
      } catch (error) {
        // E.g. another instance importing the same course at the same moment: its transaction wins, this one changed nothing.
        results.push({ slug, status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return results;
  }
}
