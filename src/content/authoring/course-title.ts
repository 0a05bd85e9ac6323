import type { Course } from '../entities/course.entity';

/** The course's title in the reader's language, else in its main language. */
export function courseTitle(course: Pick<Course, 'title' | 'languages' | 'slug'>, lang: string): string {
  return course.title[lang] ?? course.title[course.languages[0]] ?? course.slug;
}
