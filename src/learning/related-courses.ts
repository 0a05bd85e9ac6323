/** What the end page needs to suggest a course. */
export interface RelatedCandidate {
  id: number;
  slug: string;
  topic: string;
}

/**
 * Other courses to take next, for a learner who has just finished one: published
 * courses they have not completed, those on the same topic first, then the catalogue
 * order; at most `limit`.
 */
export function relatedCourses<T extends RelatedCandidate>(
  current: RelatedCandidate,
  candidates: readonly T[],
  completedCourseIds: ReadonlySet<number>,
  limit = 3,
): T[] {
  const others = candidates.filter((course) => course.id !== current.id && !completedCourseIds.has(course.id));
  const sameTopic = others.filter((course) => course.topic === current.topic);
  const rest = others.filter((course) => course.topic !== current.topic);
  return [...sameTopic, ...rest].slice(0, limit);
}
