import type { RosterQuery } from '../../enrolments/roster-query';
import type { RosterStatus } from './roster-row';

/** A validated filter, as the page and the downloads use it. */
export interface ReportFilter {
  course?: number;
  cohort?: number;
  country?: string;
  institution?: string;
  status?: RosterStatus;
  dateField?: 'enrolled' | 'completed';
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export type ReportScope = { kind: 'all' } | { kind: 'countries'; countries: string[] } | { kind: 'cohorts'; cohortIds: number[] };

const DAY_MS = 24 * 60 * 60 * 1000;

function day(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The filter and the scope as a database query. The status narrows the rows in
 * the database as far as the enrolment row tells (withdrawn, completed, not
 * completed); "enrolled" and "in progress" are then told apart by the progress
 * read model (see rosterStatus), row by row.
 */
export function rosterQueryFrom(filter: ReportFilter, scope: ReportScope): RosterQuery {
  const status = filter.status;
  const to = day(filter.to);
  return {
    courseId: filter.course,
    cohortId: filter.cohort,
    country: filter.country,
    institution: filter.institution,
    statuses: status === 'withdrawn' ? ['withdrawn'] : status ? ['active'] : ['active', 'withdrawn'],
    completed: status === 'completed' ? true : status === 'enrolled' || status === 'inProgress' ? false : undefined,
    dateField: filter.dateField ?? 'enrolled',
    from: day(filter.from),
    until: to ? new Date(to.getTime() + DAY_MS) : undefined,
    scopeCountries: scope.kind === 'countries' ? scope.countries : undefined,
    scopeCohortIds: scope.kind === 'cohorts' ? scope.cohortIds : undefined,
  };
}

/** The filter without empty values, for links and the audit log. */
export function filterParams(filter: ReportFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
}

export function filterQueryString(filter: ReportFilter): string {
  const text = new URLSearchParams(filterParams(filter)).toString();
  return text ? `?${text}` : '';
}
