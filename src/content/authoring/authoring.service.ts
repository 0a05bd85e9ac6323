import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FormError } from '../../common/errors';
import { Course } from '../entities/course.entity';
import { CourseModule } from '../entities/course-module.entity';
import { ModuleVersion } from '../entities/module-version.entity';
import { ContentImportService, type CourseImportResult } from '../import/content-import.service';
import { loadCourseFiles } from '../import/course-store';
import { parseCourseFolder } from '../parsing';
import { MODULE_KEY_PATTERN } from '../parsing/file-names';
import { sha256 } from '../parsing/source-text';
import { ContentRejectedError, StaleEditError } from './authoring.errors';
import { type Actor, AuthoringAccessService } from './authoring-access.service';
import { type EditableFile, editableFile, newModuleTemplate, normaliseEditorText } from './editable-files';
import { type FilePreview, previewFile } from './file-preview';
import { type ProblemList, problemList } from './problem-view';

export interface OpenedFile {
  course: Course;
  file: EditableFile;
  text: string;
  /** Hash of the text as stored when the editor opened it ('' for a file that does not exist yet). */
  baseHash: string;
}

export interface CheckedFiles {
  problems: ProblemList;
  preview: FilePreview | null;
}

export interface SaveOutcome {
  status: 'saved' | 'unchanged';
  /** The version the saved file became. */
  version: number | null;
}

function hashOf(text: string): string {
  return text === '' ? '' : sha256(text);
}

/**
 * Editing a course in the browser. Every check runs on the whole course with
 * the edited files put in place, through the same parser and importer as the
 * content folder, so the editor accepts exactly what an import would.
 */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AuthoringAccessService,
    private readonly importer: ContentImportService,
  ) {}

  async openFile(actor: Actor, slug: string, fileName: string): Promise<OpenedFile> {
    const course = await this.access.editableCourse(actor, slug);
    const file = await this.resolveFile(course, fileName);
    const text = await this.storedText(this.dataSource.manager, course, file);
    return { course, file, text, baseHash: hashOf(text) };
  }

  /** Preview: the checks and the rendered file, nothing written. */
  async checkFile(actor: Actor, slug: string, fileName: string, text: string): Promise<CheckedFiles & { opened: OpenedFile }> {
    const opened = await this.openFile(actor, slug, fileName);
    const edited = normaliseEditorText(text);
    const files = await loadCourseFiles(this.dataSource.manager, opened.course.id);
    files.set(opened.file.file, edited);
    const { problems } = parseCourseFolder(files, slug);
    const preview = previewFile(opened.file, edited, { slug, courseText: textOf(files.get('course.md')) });
    return { opened, problems: problemList(problems, slug, { [opened.file.file]: edited }), preview };
  }

  async saveFile(actor: Actor, slug: string, fileName: string, text: string, baseHash: string): Promise<SaveOutcome> {
    const { course, file } = await this.openFile(actor, slug, fileName);
    const edited = normaliseEditorText(text);
    const result = await this.importer.importCourse(slug, async (manager) => {
      const stored = await this.storedText(manager, course, file);
      if (hashOf(stored) !== baseHash) throw new StaleEditError();
      const files = await loadCourseFiles(manager, course.id);
      // Line ends aside, the same text: keep the stored file so no version is made for nothing.
      files.set(file.file, normaliseEditorText(stored) === edited ? stored : edited);
      return files;
    }, { actorId: actor.id, source: 'editor', mustExist: true });
    return outcomeFor(result, [file.file]);
  }

  /** What the new-module form starts with: the next free position, one template per course language. */
  async newModuleDraft(actor: Actor, slug: string): Promise<{ course: Course; key: string; texts: Record<string, string> }> {
    const course = await this.access.editableCourse(actor, slug);
    const modules = await this.dataSource.getRepository(CourseModule).find({ where: { courseId: course.id, kind: 'lesson', active: true } });
    const order = Math.max(0, ...modules.map((module) => module.position)) + 1;
    const texts = Object.fromEntries(course.languages.map((language) => [language, newModuleTemplate(language, order)]));
    return { course, key: `${String(order).padStart(2, '0')}-`, texts };
  }

  async checkNewModule(actor: Actor, slug: string, key: string, texts: Record<string, string>): Promise<CheckedFiles & { course: Course }> {
    const course = await this.access.editableCourse(actor, slug);
    const edited = await this.newModuleFiles(course, key, texts);
    const files = await loadCourseFiles(this.dataSource.manager, course.id);
    for (const [name, text] of Object.entries(edited)) files.set(name, text);
    const { problems } = parseCourseFolder(files, slug);
    const [firstFile] = Object.keys(edited);
    const preview = firstFile
      ? previewFile({ kind: 'module', file: firstFile, key, language: course.languages[0] }, edited[firstFile], { slug, courseText: textOf(files.get('course.md')) })
      : null;
    return { course, problems: problemList(problems, slug, edited), preview };
  }

  async saveNewModule(actor: Actor, slug: string, key: string, texts: Record<string, string>): Promise<SaveOutcome> {
    const course = await this.access.editableCourse(actor, slug);
    const edited = await this.newModuleFiles(course, key, texts);
    const result = await this.importer.importCourse(slug, async (manager) => {
      const files = await loadCourseFiles(manager, course.id);
      for (const [name, text] of Object.entries(edited)) files.set(name, text);
      return files;
    }, { actorId: actor.id, source: 'editor', mustExist: true });
    return outcomeFor(result, Object.keys(edited));
  }

  private async newModuleFiles(course: Course, key: string, texts: Record<string, string>): Promise<Record<string, string>> {
    if (!MODULE_KEY_PATTERN.test(key)) throw FormError.field('key', 'content.newModule.badKey');
    const existing = await this.dataSource.getRepository(CourseModule).findOne({ where: { courseId: course.id, key } });
    if (existing?.active) throw FormError.field('key', 'content.newModule.exists', { key });
    return Object.fromEntries(course.languages.map((language) => [`${key}.${language}.md`, normaliseEditorText(texts[language] ?? '')]));
  }

  /** 404 for a file name that is not one of this course's editable files. */
  private async resolveFile(course: Course, fileName: string): Promise<EditableFile> {
    const active = await this.dataSource.getRepository(CourseModule).find({ where: { courseId: course.id, active: true, kind: 'lesson' }, select: { key: true } });
    const file = editableFile(fileName, { languages: course.languages, activeModuleKeys: active.map((module) => module.key) });
    if (!file) throw new NotFoundException();
    return file;
  }

  private async storedText(manager: EntityManager, course: Course, file: EditableFile): Promise<string> {
    if (file.kind === 'course') {
      const row = await manager.findOne(Course, { where: { id: course.id }, select: { id: true, sourceText: true } });
      return row?.sourceText ?? '';
    }
    const key = file.kind === 'module' ? file.key : 'assessment';
    const version = await manager.createQueryBuilder(ModuleVersion, 'version')
      .innerJoin('version.module', 'module')
      .select(['version.id', 'version.sourceText'])
      .where('module.courseId = :courseId AND module.key = :key AND module.active = :active', { courseId: course.id, key, active: true })
      .andWhere('version.language = :language AND version.current = :current', { language: file.language, current: true })
      .getOne();
    return version?.sourceText ?? '';
  }
}

function textOf(content: string | Buffer | undefined): string {
  if (content === undefined) return '';
  return typeof content === 'string' ? content : content.toString('utf8');
}

function outcomeFor(result: CourseImportResult, files: string[]): SaveOutcome {
  if (result.status === 'invalid') throw new ContentRejectedError(result.problems);
  if (result.status === 'missing' || result.status === 'failed') throw new NotFoundException();
  if (result.status === 'unchanged') return { status: 'unchanged', version: null };
  const change = result.changes.find((candidate) => files.includes(candidate.file) && candidate.version !== null);
  return { status: 'saved', version: change?.version ?? null };
}
