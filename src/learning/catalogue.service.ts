import { Injectable } from '@nestjs/common';
import { CohortsService } from '../cohorts/cohorts.service';
import { PublishedContentService } from '../content/published-content.service';
import { localized } from '../i18n/text';
import { pickLanguage } from './access/access-rule';

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

/** The public list of published courses. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly content: PublishedContentService,
    private readonly cohorts: CohortsService,
  ) {}

  async list(filter: { topic?: string; language?: string; page?: number }, readerLanguage: string): Promise<CataloguePage> {
    const page = Math.max(1, filter.page ?? 1);
    const [courses, total] = await this.content.catalogue(filter, (page - 1) * CATALOGUE_PAGE_SIZE, CATALOGUE_PAGE_SIZE);
    const open = await this.cohorts.openCohortCounts(courses.map((course) => course.id));
    const minutes = await this.content.estimatedMinutes(courses.map((course) => course.id));
    return {
      items: courses.map((course) => ({
        slug: course.slug,
        title: localized(course.title, pickLanguage(course.languages, readerLanguage)),
        summary: localized(course.summary, pickLanguage(course.languages, readerLanguage)),
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
}
