import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CourseModule } from './entities/course-module.entity';
import { Course } from './entities/course.entity';
import { ModuleVersion } from './entities/module-version.entity';

/** A lesson module with the title of its current version in the reader's language. */
export interface LessonEntry {
  module: CourseModule;
  title: string;
  questionCount: number;
}

export interface CatalogueFilter {
  topic?: string;
  language?: string;
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

/** IN lists of at most 500 values. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * The one read service for imported course content (courses, modules and
 * their current versions). Every other feature reads content through here,
 * never through the repositories; it never writes.
 */
@Injectable()
export class PublishedContentService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseModule) private readonly modules: Repository<CourseModule>,
    @InjectRepository(ModuleVersion) private readonly versions: Repository<ModuleVersion>,
  ) {}

  /** A course by slug, published or not (access rules decide who sees an unpublished one). */
  courseBySlug(slug: string): Promise<Course | null> {
    return this.courses.findOneBy({ slug });
  }

  /** A published course by slug. */
  publishedCourseBySlug(slug: string): Promise<Course | null> {
    return this.courses.findOneBy({ slug, published: true });
  }

  courseById(id: number): Promise<Course | null> {
    return this.courses.findOneBy({ id });
  }

  async coursesByIds(ids: number[]): Promise<Course[]> {
    const result: Course[] = [];
    for (const part of chunks([...new Set(ids)])) result.push(...(await this.courses.findBy({ id: In(part) })));
    return result;
  }

  courseExists(id: number): Promise<boolean> {
    return this.courses.existsBy({ id });
  }

  /** Every course, by slug (staff choosing the course of a cohort). */
  allCourses(): Promise<Course[]> {
    return this.courses.find({ order: { slug: 'ASC' } });
  }

  /** One page of published courses, oldest first. */
  catalogue(filter: CatalogueFilter, skip: number, take: number): Promise<[Course[], number]> {
    const query = this.courses.createQueryBuilder('course').where('course.published = :published', { published: true });
    if (filter.topic) query.andWhere('course.topic = :topic', { topic: filter.topic });
    // languages is a comma-separated list (simple-array); wrapping it in commas matches whole codes only.
    if (filter.language) query.andWhere("(',' || course.languages || ',') LIKE :pattern", { pattern: `%,${filter.language},%` });
    return query.orderBy('course.id', 'ASC').skip(skip).take(take).getManyAndCount();
  }

  /** The syllabus in order. Only titles and questions are loaded, never the lesson text. */
  async lessons(course: Course, language: string): Promise<LessonEntry[]> {
    return (await this.lessonsOfCourses([course], () => language)).get(course.id) ?? [];
  }

  /**
   * The syllabi of several courses in two queries whatever their number, each
   * in the language `languageFor` picks for it.
   */
  async lessonsOfCourses(courses: Course[], languageFor: (course: Course) => string): Promise<Map<number, LessonEntry[]>> {
    const result = new Map<number, LessonEntry[]>(courses.map((course) => [course.id, []]));
    if (!courses.length) return result;
    const modules: CourseModule[] = [];
    for (const part of chunks(courses.map((course) => course.id))) {
      modules.push(...(await this.modules.find({ where: { courseId: In(part), kind: 'lesson', active: true }, order: { position: 'ASC', id: 'ASC' } })));
    }
    const versions: ModuleVersion[] = [];
    for (const part of chunks(modules.map((module) => module.id))) {
      versions.push(...(await this.versions.find({
        select: { id: true, moduleId: true, language: true, title: true, questions: true },
        where: { moduleId: In(part), current: true },
      })));
    }
    const byModule = new Map<number, ModuleVersion[]>();
    for (const version of versions) byModule.set(version.moduleId, [...(byModule.get(version.moduleId) ?? []), version]);
    const preferences = new Map(courses.map((course) => [course.id, languagePreference(course, languageFor(course))]));
    for (const module of modules) {
      const version = pickVersion(byModule.get(module.id) ?? [], preferences.get(module.courseId) ?? []);
      result.get(module.courseId)?.push({ module, title: version?.title ?? module.key, questionCount: version?.questions?.length ?? 0 });
    }
    return result;
  }

  findLesson(course: Course, key: string): Promise<CourseModule | null> {
    return this.modules.findOneBy({ courseId: course.id, key, kind: 'lesson', active: true });
  }

  /** The module holding the pre- and post-test questions, when the course has one. */
  findAssessment(course: Course): Promise<CourseModule | null> {
    return this.modules.findOneBy({ courseId: course.id, kind: 'assessment', active: true });
  }

  /** The assessment modules of several courses, by course id. */
  async assessmentsOfCourses(courseIds: number[]): Promise<Map<number, CourseModule>> {
    const result = new Map<number, CourseModule>();
    for (const part of chunks([...new Set(courseIds)])) {
      for (const module of await this.modules.findBy({ courseId: In(part), kind: 'assessment', active: true })) result.set(module.courseId, module);
    }
    return result;
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
