import { localized } from '../i18n/text';
import type { Course } from './entities/course.entity';

/** The course's title in the reader's language, else in its main language; the slug when it has none. */
export function courseTitle(course: Pick<Course, 'title' | 'languages' | 'slug'>, lang: string): string {
  return localized(course.title, lang, course.languages[0]) || course.slug;
}
