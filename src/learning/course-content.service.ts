import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CourseModule } from '../content/entities/course-module.entity';
import { toolModuleKey } from '../content/import/course-mapping';
import { Course } from '../content/entities/course.entity';
import { ModuleVersion } from '../content/entities/module-version.entity';

/** A lesson module with the title of its current version in the reader's language. */
export interface LessonEntry {
  module: CourseModule;
  title: string;
  questionCount: number;
}

/** Languages to try, best first: the wanted one, then the course's own order. */
function languagePreference(course: Course, language: string): string[] {
  return [language, ...course.languages.filter((candidate) => candidate !== language)];
}

function pickVersion<T extends { language: string }>(versions: T[], preference: string[]): T | undefined {
  for (const language of preference) {
    const found = versions.find((version) => version.language === language);
    if (found) return found;
  }
  return versions[0];
}

/** Reads the imported course structure (modules and their current versions); it never writes. */
@Injectable()
export class CourseContentService {
  constructor(
    @InjectRepository(CourseModule) private readonly modules: Repository<CourseModule>,
    @InjectRepository(ModuleVersion) private readonly versions: Repository<ModuleVersion>,
  ) {}

  /** The syllabus in order. Only titles and questions are loaded, never the lesson text. */
  async lessons(course: Course, language: string): Promise<LessonEntry[]> {
    const modules = await this.modules.find({ where: { courseId: course.id, kind: 'lesson', active: true }, order: { position: 'ASC', id: 'ASC' } });
    if (modules.length === 0) return [];
    const versions = await this.versions.find({
      select: { id: true, moduleId: true, language: true, title: true, questions: true },
      where: { moduleId: In(modules.map((module) => module.id)), current: true },
    });
    const preference = languagePreference(course, language);
    return modules.map((module) => {
      const version = pickVersion(versions.filter((candidate) => candidate.moduleId === module.id), preference);
      return { module, title: version?.title ?? module.key, questionCount: version?.questions?.length ?? 0 };
    });
  }

  /**
   * The computed study time of courses: their lessons' minutes plus the pre/post-test's (stored on the
   * assessment row at import, from the text; see content/parsing/reading-time.ts).
   */
  async estimatedMinutes(courseIds: number[]): Promise<Map<number, number>> {
    if (courseIds.length === 0) return new Map();
    const rows = await this.modules.createQueryBuilder('module')
      .select('module.courseId', 'courseId').addSelect('SUM(module.minutes)', 'minutes')
      .where({ courseId: In(courseIds), kind: In(['lesson', 'assessment']), active: true })
      .groupBy('module.courseId')
      .getRawMany<{ courseId: number | string; minutes: number | string | null }>();
    return new Map(rows.map((row) => [Number(row.courseId), Number(row.minutes ?? 0)]));
  }

  /** A printable tool (tools/<key>.<lang>.md), stored as a module of kind 'tool' keyed "tools/<key>". */
  findTool(course: Course, key: string): Promise<CourseModule | null> {
    return this.modules.findOneBy({ courseId: course.id, key: toolModuleKey(key), kind: 'tool', active: true });
  }

  findLesson(course: Course, key: string): Promise<CourseModule | null> {
    return this.modules.findOneBy({ courseId: course.id, key, kind: 'lesson', active: true });
  }

  /** The module holding the pre- and post-test questions, when the course has one. */
  findAssessment(course: Course): Promise<CourseModule | null> {
    return this.modules.findOneBy({ courseId: course.id, kind: 'assessment', active: true });
  }

  /** The current version in the reader's language, else in the course's first language that has one. */
  async currentVersion(course: Course, module: CourseModule, language: string): Promise<ModuleVersion | null> {
    const versions = await this.versions.findBy({ moduleId: module.id, current: true });
    return pickVersion(versions, languagePreference(course, language)) ?? null;
  }

  findVersion(id: number): Promise<ModuleVersion | null> {
    return this.versions.findOneBy({ id });
  }
}
