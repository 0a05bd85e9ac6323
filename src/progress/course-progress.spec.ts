import type { CourseModule } from '../content/entities/course-module.entity';
import { courseProgressFrom } from './course-progress';

describe('courseProgressFrom: knowledge gain', () => {
  const assessment = { id: 9, key: 'assessment', kind: 'assessment' } as CourseModule;
  const course = { completionRule: { modules: false, quizzes: false, postTest: true }, hasPreTest: true, hasPostTest: true };
  const postRow = { moduleId: 9, completedAt: null, quizScore: 90, quizPassed: true };

  it('uses the first post-test attempt, while the grade that counts stays the best one', () => {
    const progress = courseProgressFrom({
      course,
      lessons: [],
      assessment,
      rows: [postRow],
      preTestScore: 40,
      postTestFirstScore: 60,
      lastModuleKey: null,
    });
    expect(progress.postTest).toMatchObject({ score: 90, firstScore: 60, passed: true });
    expect(progress.gain).toBe(20);
  });

  it('has no gain until both the pre-test and a first post-test attempt exist', () => {
    expect(
      courseProgressFrom({
        course,
        lessons: [],
        assessment,
        rows: [postRow],
        preTestScore: null,
        postTestFirstScore: 60,
        lastModuleKey: null,
      }).gain,
    ).toBeNull();
    expect(
      courseProgressFrom({ course, lessons: [], assessment, rows: [], preTestScore: 40, postTestFirstScore: null, lastModuleKey: null })
        .gain,
    ).toBeNull();
  });
});
