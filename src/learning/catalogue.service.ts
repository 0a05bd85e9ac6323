import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { Cohort } from '../cohorts/entities/cohort.entity';
import { Clock } from '../common/clock';
import { Course } from '../content/entities/course.entity';
import { pickLanguage } from './access/access-rule';
import { CourseContentService } from './course-content.service';

export const CATALOGUE_PAGE_SIZE = 20;

export interface CatalogueEntry {
  slug: string;
  title: string;
  summary: string;
  topic: string;
  hours: number;
  /** Computed from the text of the modules and tests (content/parsing/reading-time.ts). */
  minutes: number;
  languages: string[];
  openCohorts: number;
}

export interface CataloguePage {
  items: CatalogueEntry[];
  total: number;
  page: number;
  pageCount: number;
}

/** Text in the reader's language when the course has it, else the course's first language. */
export function localized(text: Record<string, string> | null | undefined, languages: readonly string[], wanted: string): string {
  if (!text) return '';
  return text[pickLanguage(languages, wanted)] ?? Object.values(text)[0] ?? '';
}

/** The public list of published courses. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly clock: Clock,
    private readonly content: CourseContentService,
  ) {}

  async list(filter: { topic?: string; language?: string; page?: number }, readerLanguage: string): Promise<CataloguePage> {
    const page = Math.max(1, filter.page ?? 1);
    const query = this.courses.createQueryBuilder('course').where('course.published = :published', { published: true });
    if (filter.topic) query.andWhere('course.topic = :topic', { topic: filter.topic });
    // languages is a comma-separated list (simple-array); wrapping it in commas matches whole codes only.
    if (filter.language) query.andWhere("(',' || course.languages || ',') LIKE :pattern", { pattern: `%,${filter.language},%` });
    const [courses, total] = await query.orderBy('course.id', 'ASC').skip((page - 1) * CATALOGUE_PAGE_SIZE).take(CATALOGUE_PAGE_SIZE).getManyAndCount();
    const open = await this.openCohortCounts(courses.map((course) => course.id));
    const minutes = await this.content.estimatedMinutes(courses.map((course) => course.id));
    return {
      items: courses.map((course) => ({
        slug: course.slug,
        title: localized(course.title, course.languages, readerLanguage),
        summary: localized(course.summary, course.languages, readerLanguage),
        topic: course.topic,
        hours: course.hours,
        minutes: minutes.get(course.id) ?? 0,
        languages: course.languages,
        openCohorts: open.get(course.id) ?? 0,
      })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    };
  }

  /** Cohorts a learner could ask to join now: not archived, not over, enrolment window open, not invitation-only. */
  async openCohortCounts(courseIds: number[]): Promise<Map<number, number>> {
    if (courseIds.length === 0) return new Map();
    const now = this.clock.now();
    const rows = await this.cohorts
      .createQueryBuilder('cohort')
      .select('cohort.courseId', 'courseId')
      .addSelect('COUNT(*)', 'count')
      .where({ courseId: In(courseIds) })
      .andWhere('cohort.archivedAt IS NULL')
      .andWhere('cohort.endsAt > :now', { now })
      .andWhere("cohort.enrolmentMode <> 'invitation'")
      .andWhere(new Brackets((where) => where.where('cohort.enrolmentOpensAt IS NULL').orWhere('cohort.enrolmentOpensAt <= :now', { now })))
      .andWhere(new Brackets((where) => where.where('cohort.enrolmentClosesAt IS NULL').orWhere('cohort.enrolmentClosesAt > :now', { now })))
      .groupBy('cohort.courseId')
      .getRawMany<{ courseId: number; count: string | number }>();
    return new Map(rows.map((row) => [Number(row.courseId), Number(row.count)]));
  }
}
