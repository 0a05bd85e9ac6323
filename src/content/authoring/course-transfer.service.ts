import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Course } from '../entities/course.entity';
import { ContentImportService, type CourseImportResult } from '../import/content-import.service';
import { loadCourseFiles } from '../import/course-store';
import { readCourseZip, writeCourseZip, ZipRefusedError } from '../import/course-zip';
import type { ContentFiles } from '../parsing';
import { classifyCoursePath, COURSE_SLUG_PATTERN, MEDIA_FOLDER } from '../parsing/file-names';
import { ALLOWED_MEDIA_EXTENSIONS } from '../parsing/media';
import { ContentRejectedError, UploadRefusedError } from './authoring.errors';
import { type Actor, AuthoringAccessService } from './authoring-access.service';

/** Uploads are read into memory, so they are capped; a whole course with its media fits comfortably. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface UploadOutcome {
  slug: string;
  status: 'created' | 'updated' | 'unchanged';
  changeCount: number;
}

/** The file name alone: some browsers send the path the file was picked from. */
function baseName(name: string): string {
  return name.split(/[/\\]/).pop() ?? name;
}

function extensionOf(name: string): string {
  return /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Upload (one Markdown or media file, or a zip of the whole course folder) and download as a zip. */
@Injectable()
export class CourseTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AuthoringAccessService,
    private readonly importer: ContentImportService,
  ) {}

  /**
   * On a course's page (`slug` given): a .md file replaces or adds that file,
   * a media file goes under media/, a zip replaces the whole folder. On the
   * authoring start page (no `slug`): a zip of a course, new or existing.
   */
  async upload(actor: Actor, slug: string | null, file: UploadedFile | undefined, requestedSlug?: string): Promise<UploadOutcome> {
    if (!file || file.size === 0) throw new UploadRefusedError('noFile');
    if (file.size > MAX_UPLOAD_BYTES) throw new UploadRefusedError('tooLarge', { maxMb: MAX_UPLOAD_BYTES / (1024 * 1024) });
    const name = baseName(file.originalname);
    if (extensionOf(name) === 'zip') return this.uploadZip(actor, slug, file.buffer, requestedSlug);
    if (slug === null) throw new UploadRefusedError('zipOnly');
    const course = await this.access.editableCourse(actor, slug);
    const path = this.pathInCourse(name);
    const result = await this.importer.importCourse(slug, async (manager) => {
      const files = await loadCourseFiles(manager, course.id);
      files.set(path, file.buffer);
      return files;
    }, { actorId: actor.id, source: 'upload', mustExist: true });
    return outcome(result);
  }

  async download(actor: Actor, slug: string): Promise<{ fileName: string; data: Buffer }> {
    const course = await this.access.editableCourse(actor, slug);
    const files = await loadCourseFiles(this.dataSource.manager, course.id);
    return { fileName: `${course.slug}.zip`, data: await writeCourseZip(course.slug, files) };
  }

  private pathInCourse(name: string): string {
    const role = classifyCoursePath(name);
    if (role.kind === 'course' || role.kind === 'module' || role.kind === 'assessment') return name;
    if (ALLOWED_MEDIA_EXTENSIONS.includes(extensionOf(name))) return `${MEDIA_FOLDER}/${name}`;
    if (role.kind === 'bad-name') throw new UploadRefusedError('badMarkdownName', { name, hint: role.hint });
    throw new UploadRefusedError('badType', { name });
  }

  private async uploadZip(actor: Actor, slug: string | null, data: Buffer, requestedSlug?: string): Promise<UploadOutcome> {
    let files: ContentFiles;
    let folderName: string | null;
    try {
      ({ files, folderName } = await readCourseZip(data));
    } catch (error) {
      if (error instanceof ZipRefusedError) throw new UploadRefusedError(`zip.${error.code}`, error.params);
      throw error;
    }
    const target = slug ?? (requestedSlug || folderName);
    if (!target) throw new UploadRefusedError('noSlug');
    if (!COURSE_SLUG_PATTERN.test(target)) throw new UploadRefusedError('badSlug', { slug: target });
    const exists = await this.dataSource.getRepository(Course).exists({ where: { slug: target } });
    if (exists) {
      const allowed = await this.access.editableCourse(actor, target).then(() => true, () => false);
      if (!allowed) throw new UploadRefusedError('notYours', { slug: target });
    } else if (slug !== null || !this.access.mayCreateCourses(actor)) {
      throw new UploadRefusedError('mayNotCreate', { slug: target });
    }
    const result = await this.importer.importCourse(target, files, { actorId: actor.id, source: 'upload', mustExist: exists });
    return outcome(result);
  }
}

function outcome(result: CourseImportResult): UploadOutcome {
  if (result.status === 'invalid') throw new ContentRejectedError(result.problems);
  // A course deleted or created by someone else between the check and the import.
  if (result.status === 'missing' || result.status === 'failed') throw new UploadRefusedError('conflict');
  return { slug: result.slug, status: result.status, changeCount: result.changes.length };
}
