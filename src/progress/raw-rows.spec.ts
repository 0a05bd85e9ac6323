import { pairGroups } from './raw-rows';

const covered = (groups: { userIds: number[]; courseIds: number[] }[]) =>
  groups.flatMap((group) => group.userIds.flatMap((userId) => group.courseIds.map((courseId) => `${userId}:${courseId}`))).sort();

describe('pairGroups', () => {
  it('groups a roster page by course: one group per course, exactly the pairs asked', () => {
    const pairs = [
      { userId: 1, courseId: 10 },
      { userId: 2, courseId: 10 },
      { userId: 2, courseId: 20 },
      { userId: 3, courseId: 10 },
    ];
    const groups = pairGroups(pairs);
    expect(groups).toEqual([
      { userIds: [1, 2, 3], courseIds: [10] },
      { userIds: [2], courseIds: [20] },
    ]);
    expect(covered(groups)).toEqual(['1:10', '2:10', '2:20', '3:10']);
  });

  it('groups one learner in several courses by learner (one statement for My courses)', () => {
    expect(pairGroups([10, 20, 30].map((courseId) => ({ userId: 7, courseId })))).toEqual([{ userIds: [7], courseIds: [10, 20, 30] }]);
  });

  it('keeps each IN list to 500 and repeats nothing', () => {
    const pairs = Array.from({ length: 1200 }, (_, index) => ({ userId: index + 1, courseId: 1 }));
    pairs.push({ userId: 5, courseId: 1 });
    const groups = pairGroups(pairs);
    expect(groups.map((group) => group.userIds.length)).toEqual([500, 500, 200]);
    expect(new Set(covered(groups)).size).toBe(1200);
  });
});
