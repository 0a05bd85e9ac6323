import { relatedCourses } from './related-courses';

const course = (id: number, topic: string) => ({ id, slug: `c${id}`, topic });

describe('relatedCourses', () => {
  it('suggests other courses not yet completed, the same topic first, at most three', () => {
    const current = course(1, 'trafficking');
    const candidates = [
      current,
      course(2, 'children'),
      course(3, 'trafficking'),
      course(4, 'smuggling'),
      course(5, 'psychosocial'),
      course(6, 'trafficking'),
    ];
    expect(relatedCourses(current, candidates, new Set([6])).map((c) => c.id)).toEqual([3, 2, 4]);
    expect(relatedCourses(current, [current], new Set())).toEqual([]);
  });
});
