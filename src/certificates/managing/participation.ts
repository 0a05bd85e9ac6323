/** Pure: the share of lesson modules a learner completed, and whether that meets the course's participation rule. */
export function modulesPercent(completed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((completed / total) * 100);
}

export function meetsParticipation(rule: { modulesPercent: number } | null, completed: number, total: number): boolean {
  return rule !== null && total > 0 && modulesPercent(completed, total) >= rule.modulesPercent;
}
