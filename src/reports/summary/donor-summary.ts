/**
 * The donor summary: counts of participants enrolled, completed and certified,
 * disaggregated, with the pre/post-test figures. Built incrementally (one
 * participant at a time) so a report over 100,000 enrolments holds only the
 * group totals in memory.
 *
 * Small groups are shown honestly: under SMALL_GROUP participants a group shows
 * its counts but no percentage and no average, which could single people out
 * and would mislead anyway.
 */
export const SMALL_GROUP = 5;

export const DIMENSIONS = ['sex', 'institution', 'country', 'department', 'ageGroup', 'cohort'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface SummaryParticipant {
  sex: string;
  institution: string;
  country: string;
  /** Country and department together: "SV · La Unión" groups are per country. */
  department: string;
  ageGroup: string;
  cohort: string;
  completed: boolean;
  certified: boolean;
  preTestScore: number | null;
  postTestScore: number | null;
  /** Knowledge gain as the progress read model defines it (first post-test attempt minus pre-test); null without both. */
  gain: number | null;
}

interface Totals {
  enrolled: number;
  completed: number;
  certified: number;
  preCount: number;
  preSum: number;
  postCount: number;
  postSum: number;
  pairCount: number;
  gainSum: number;
  improved: number;
}

export interface SummaryFigures {
  enrolled: number;
  completed: number;
  certified: number;
  /** null when the group is small (or nobody is in it). */
  completedPercent: number | null;
  certifiedPercent: number | null;
  preTestAverage: number | null;
  postTestAverage: number | null;
  /** Learners with both scores. */
  withBothScores: number;
  meanGain: number | null;
  improvedPercent: number | null;
  /** True when percentages and averages were withheld because the group is small. */
  small: boolean;
}

export interface SummaryGroup extends SummaryFigures {
  key: string;
}

export interface DonorSummary {
  total: SummaryFigures;
  groups: Record<Dimension, SummaryGroup[]>;
}

const emptyTotals = (): Totals => ({
  enrolled: 0,
  completed: 0,
  certified: 0,
  preCount: 0,
  preSum: 0,
  postCount: 0,
  postSum: 0,
  pairCount: 0,
  gainSum: 0,
  improved: 0,
});

const round1 = (value: number) => Math.round(value * 10) / 10;

function add(totals: Totals, participant: SummaryParticipant): void {
  totals.enrolled += 1;
  if (participant.completed) totals.completed += 1;
  if (participant.certified) totals.certified += 1;
  const { preTestScore: pre, postTestScore: post } = participant;
  if (pre !== null) {
    totals.preCount += 1;
    totals.preSum += pre;
  }
  if (post !== null) {
    totals.postCount += 1;
    totals.postSum += post;
  }
  if (participant.gain !== null) {
    totals.pairCount += 1;
    totals.gainSum += participant.gain;
    if (participant.gain > 0) totals.improved += 1;
  }
}

/** Percentages and averages only for groups of at least SMALL_GROUP (averages need that many scores, too). */
export function figures(totals: Totals): SummaryFigures {
  const small = totals.enrolled < SMALL_GROUP;
  const share = (part: number, whole: number) => (whole >= SMALL_GROUP ? round1((part * 100) / whole) : null);
  const mean = (sum: number, count: number) => (count >= SMALL_GROUP ? round1(sum / count) : null);
  return {
    enrolled: totals.enrolled,
    completed: totals.completed,
    certified: totals.certified,
    completedPercent: share(totals.completed, totals.enrolled),
    certifiedPercent: share(totals.certified, totals.enrolled),
    preTestAverage: mean(totals.preSum, totals.preCount),
    postTestAverage: mean(totals.postSum, totals.postCount),
    withBothScores: totals.pairCount,
    meanGain: mean(totals.gainSum, totals.pairCount),
    improvedPercent: share(totals.improved, totals.pairCount),
    small,
  };
}

export class DonorSummaryBuilder {
  private readonly total = emptyTotals();
  private readonly groups = new Map<Dimension, Map<string, Totals>>(DIMENSIONS.map((dimension) => [dimension, new Map()]));

  add(participant: SummaryParticipant): void {
    add(this.total, participant);
    for (const dimension of DIMENSIONS) {
      const byKey = this.groups.get(dimension)!;
      const key = participant[dimension];
      let totals = byKey.get(key);
      if (!totals) byKey.set(key, (totals = emptyTotals()));
      add(totals, participant);
    }
  }

  /** Groups largest first, then by key, so the same data always gives the same table. */
  build(): DonorSummary {
    const groups = Object.fromEntries(
      DIMENSIONS.map((dimension) => [
        dimension,
        [...this.groups.get(dimension)!.entries()]
          .map(([key, totals]) => ({ key, ...figures(totals) }))
          .sort((a, b) => b.enrolled - a.enrolled || a.key.localeCompare(b.key, 'es')),
      ]),
    ) as Record<Dimension, SummaryGroup[]>;
    return { total: figures(this.total), groups };
  }
}

export function summarise(participants: Iterable<SummaryParticipant>): DonorSummary {
  const builder = new DonorSummaryBuilder();
  for (const participant of participants) builder.add(participant);
  return builder.build();
}
