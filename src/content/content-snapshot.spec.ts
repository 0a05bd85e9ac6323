import { buildSnapshot, languagePreference, pickVersion, VersionSummary } from './content-snapshot';
import type { CourseModule } from './entities/course-module.entity';
import type { Course } from './entities/course.entity';

const course = (id: number, slug: string) => ({ id, slug, languages: ['es', 'en'] }) as Course;
const lesson = (id: number, courseId: number, key: string, position: number, extra: Partial<CourseModule> = {}) =>
  ({ id, courseId, key, position, kind: 'lesson', active: true, minutes: 10, ...extra }) as CourseModule;
const version = (id: number, moduleId: number, language: string): VersionSummary => ({ id, moduleId, language, title: `${language}-${moduleId}`, questionCount: 3 });

describe('content snapshot', () => {
  const snapshot = buildSnapshot(7, [course(2, 'b'), course(1, 'a')], [
    lesson(12, 1, '02-dos', 2),
    lesson(11, 1, '01-uno', 1),
    lesson(13, 1, '03-retirado', 3, { active: false }),
    lesson(14, 1, 'assessment', 0, { kind: 'assessment' }),
  ], [version(1, 11, 'es'), version(2, 11, 'en'), version(3, 12, 'en')]);

  it('indexes courses by slug and id, oldest first', () => {
    expect(snapshot.version).toBe(7);
    expect(snapshot.courses.map((entry) => entry.id)).toEqual([1, 2]);
    expect(snapshot.bySlug.get('b')?.id).toBe(2);
    expect(snapshot.byId.get(1)?.slug).toBe('a');
  });

  it('keeps active lessons in syllabus order and the assessment apart', () => {
    expect(snapshot.lessons.get(1)?.map((entry) => entry.key)).toEqual(['01-uno', '02-dos']);
    expect(snapshot.assessments.get(1)?.id).toBe(14);
    expect(snapshot.lessons.get(2)).toBeUndefined();
  });

  it('hands out frozen objects, so no request can change what the next one sees', () => {
    expect(Object.isFrozen(snapshot.byId.get(1))).toBe(true);
    expect(Object.isFrozen(snapshot.lessons.get(1)?.[0])).toBe(true);
    expect(() => { (snapshot.byId.get(1) as { slug: string }).slug = 'x'; }).toThrow(TypeError);
  });

  it('picks the wanted language, else the course order, else any', () => {
    const c = course(1, 'a');
    expect(pickVersion(snapshot.versions.get(11) ?? [], languagePreference(c, 'en'))?.id).toBe(2);
    expect(pickVersion(snapshot.versions.get(12) ?? [], languagePreference(c, 'es'))?.id).toBe(3);
    expect(pickVersion([], languagePreference(c, 'es'))).toBeUndefined();
  });
});
