import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { buildSnapshot, ContentSnapshot, languagePreference, pickVersion, VersionSummary } from './content-snapshot';
import { readContentVersion } from './content-version';
import { CourseModule } from './entities/course-module.entity';
import { Course } from './entities/course.entity';
import { ModuleVersion } from './entities/module-version.entity';
import { toolModuleKey } from './import/course-mapping';

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

/** How long an instance trusts its cache before re-reading the content version row. */
export const CONTENT_CHECK_MS = 1000;
/** Module versions never change once written (a change makes a new one), so they are kept by id, up to this many. */
const KEPT_VERSIONS = 500;

/**
 * The one read service for imported course content (courses, modules and
 * their current versions). Every other feature reads content through here,
 * never through the repositories; it never writes.
 *
 * Everything is served from memory: a snapshot of courses, modules and the
 * titles and question counts of current versions, loaded at one content
 * version. The content version row is re-read at most once a second (and
 * right after a save on this instance); when another instance has raised it,
 * the snapshot is loaded again. Full versions (lesson HTML, questions) are
 * immutable rows and are kept by id. The objects handed out are frozen.
 */
@Injectable()
export class PublishedContentService {
  private snapshot: ContentSnapshot | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<ContentSnapshot> | null = null;
  /** Raised by invalidate(): a check that started before it must not count as fresh. */
  private generation = 0;
  private readonly fullVersions = new Map<number, Promise<ModuleVersion | null>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseModule) private readonly modules: Repository<CourseModule>,
    @InjectRepository(ModuleVersion) private readonly versions: Repository<ModuleVersion>,
    private readonly clock: Clock,
  ) {}

  /** Content changed through this instance: the next read checks the content version first. */
  invalidate(): void {
    this.generation += 1;
    this.pending = null;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  /** A course by slug, published or not (access rules decide who sees an unpublished one). */
  async courseBySlug(slug: string): Promise<Course | null> {
    return (await this.current()).bySlug.get(slug) ?? null;
  }

  /** A published course by slug. */
  async publishedCourseBySlug(slug: string): Promise<Course | null> {
    const course = await this.courseBySlug(slug);
    return course?.published ? course : null;
  }

  async courseById(id: number): Promise<Course | null> {
    return (await this.current()).byId.get(id) ?? null;
  }

  async coursesByIds(ids: number[]): Promise<Course[]> {
    const { byId } = await this.current();
    return [...new Set(ids)].map((id) => byId.get(id)).filter((course): course is Course => !!course);
  }

  async courseExists(id: number): Promise<boolean> {
    return (await this.current()).byId.has(id);
  }

  /** Every course, by slug (staff choosing the course of a cohort). */
  async allCourses(): Promise<Course[]> {
    return [...(await this.current()).courses].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }

  /** One page of published courses, oldest first. */
  async catalogue(filter: CatalogueFilter, skip: number, take: number): Promise<[Course[], number]> {
    const matching = (await this.current()).courses.filter((course) => course.published
      && (!filter.topic || course.topic === filter.topic)
      && (!filter.language || course.languages.includes(filter.language)));
    return [matching.slice(skip, skip + take), matching.length];
  }

  /** The syllabus in order, with titles and question counts only. */
  async lessons(course: Course, language: string): Promise<LessonEntry[]> {
    return (await this.lessonsOfCourses([course], () => language)).get(course.id) ?? [];
  }

  /** The syllabi of several courses, each in the language `languageFor` picks for it. */
  async lessonsOfCourses(courses: Course[], languageFor: (course: Course) => string): Promise<Map<number, LessonEntry[]>> {
    const snapshot = await this.current();
    return new Map(courses.map((course) => {
      const preference = languagePreference(course, languageFor(course));
      return [course.id, (snapshot.lessons.get(course.id) ?? []).map((module) => {
        const version = pickVersion(snapshot.versions.get(module.id) ?? [], preference);
        return { module, title: version?.title ?? module.key, questionCount: version?.questionCount ?? 0 };
      })];
    }));
  }

  /**
   * The computed study time of courses: their lessons' minutes plus the pre/post-test's (stored on the
   * assessment row at import, from the text; see parsing/reading-time.ts).
   */
  async estimatedMinutes(courseIds: number[]): Promise<Map<number, number>> {
    const snapshot = await this.current();
    const result = new Map<number, number>();
    for (const id of new Set(courseIds)) {
      const modules = [...(snapshot.lessons.get(id) ?? []), ...(snapshot.assessments.has(id) ? [snapshot.assessments.get(id) as CourseModule] : [])];
      if (modules.length) result.set(id, modules.reduce((sum, module) => sum + module.minutes, 0));
    }
    return result;
  }

  /** A printable tool (tools/<key>.<lang>.md), stored as a module of kind 'tool' keyed "tools/<key>". */
  async findTool(course: Course, key: string): Promise<CourseModule | null> {
    return (await this.current()).tools.get(course.id)?.find((module) => module.key === toolModuleKey(key)) ?? null;
  }

  async findLesson(course: Course, key: string): Promise<CourseModule | null> {
    return (await this.current()).lessons.get(course.id)?.find((module) => module.key === key) ?? null;
  }

  /** The module holding the pre- and post-test questions, when the course has one. */
  async findAssessment(course: Course): Promise<CourseModule | null> {
    return (await this.current()).assessments.get(course.id) ?? null;
  }

  /** The assessment modules of several courses, by course id. */
  async assessmentsOfCourses(courseIds: number[]): Promise<Map<number, CourseModule>> {
    const { assessments } = await this.current();
    const result = new Map<number, CourseModule>();
    for (const id of courseIds) {
      const module = assessments.get(id);
      if (module) result.set(id, module);
    }
    return result;
  }

  /** The current version in the reader's language, else in the course's first language that has one. */
  async currentVersion(course: Course, module: CourseModule, language: string): Promise<ModuleVersion | null> {
    const summary = pickVersion((await this.current()).versions.get(module.id) ?? [], languagePreference(course, language));
    return summary ? this.findVersion(summary.id) : null;
  }

  /** A version by id, current or not (attempts keep pointing at the version they answered). */
  findVersion(id: number): Promise<ModuleVersion | null> {
    const kept = this.fullVersions.get(id);
    if (kept) return kept;
    const loading = this.versions.findOneBy({ id }).then((version) => {
      if (!version) this.fullVersions.delete(id);
      return version ? Object.freeze(version) : null;
    }, (error: unknown) => {
      this.fullVersions.delete(id);
      throw error;
    });
    if (this.fullVersions.size >= KEPT_VERSIONS) this.fullVersions.delete(this.fullVersions.keys().next().value as number);
    this.fullVersions.set(id, loading);
    return loading;
  }

  /** The snapshot, re-checked against the content version row at most once a second. */
  private current(): Promise<ContentSnapshot> {
    const now = this.clock.now().getTime();
    if (this.snapshot && now >= this.checkedAt && now - this.checkedAt < CONTENT_CHECK_MS) return Promise.resolve(this.snapshot);
    if (!this.pending) {
      const generation = this.generation;
      const check = this.refresh(generation, now).finally(() => {
        if (this.pending === check) this.pending = null;
      });
      this.pending = check;
    }
    return this.pending;
  }

  private async refresh(generation: number, now: number): Promise<ContentSnapshot> {
    // The version first: rows read after it are at least that new, so a snapshot is never labelled newer than it is.
    const version = await readContentVersion(this.dataSource);
    const snapshot = this.snapshot?.version === version ? this.snapshot : await this.load(version);
    if (generation === this.generation) {
      this.snapshot = snapshot;
      this.checkedAt = now;
    }
    return snapshot;
  }

  private async load(version: number): Promise<ContentSnapshot> {
    const [courses, modules, versions] = await Promise.all([
      this.courses.find(),
      this.modules.findBy({ active: true }),
      this.versions.find({ select: { id: true, moduleId: true, language: true, title: true, questionCount: true }, where: { current: true } }),
    ]);
    return buildSnapshot(version, courses, modules, versions as VersionSummary[]);
  }
}
