import type { FieldErrors } from '../common/errors';
import type { Cohort, EnrolmentMode } from './entities/cohort.entity';

/** What the cohort form posts, after validation (dates as YYYY-MM-DD from <input type="date">). */
export interface CohortFormValues {
  courseId: number;
  name: string;
  country: string;
  startsOn: string;
  endsOn: string;
  enrolmentOpensOn?: string;
  enrolmentClosesOn?: string;
  capacity?: number;
  enrolmentMode: EnrolmentMode;
  enrolmentKey?: string;
  earlyAccess?: boolean;
  facilitatorIds?: number[];
}

export type CohortColumns = Pick<
  Cohort,
  | 'courseId'
  | 'name'
  | 'country'
  | 'startsAt'
  | 'endsAt'
  | 'enrolmentOpensAt'
  | 'enrolmentClosesAt'
  | 'capacity'
  | 'enrolmentMode'
  | 'enrolmentKey'
  | 'earlyAccess'
>;

/**
 * A calendar day from a date input, in the server's time zone (the same one
 * formatDate shows): a start is the first moment of the day, an end the last,
 * so "enrolment closes on 30 June" still accepts enrolments on 30 June.
 */
export function parseDay(value: string | undefined, edge: 'start' | 'end'): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = edge === 'start' ? new Date(year, month, day, 0, 0, 0, 0) : new Date(year, month, day, 23, 59, 59, 999);
  // Rejects 2026-02-31 and the like, which Date would roll over into March.
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null;
}

/** The value for <input type="date"> (server time zone, like parseDay). */
export function dayInput(date: Date | null | undefined): string {
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Turns checked form values into cohort columns, or the field messages explaining what is wrong. */
export function cohortColumnsFrom(values: CohortFormValues): { columns: CohortColumns } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push({ key });
  const startsAt = parseDay(values.startsOn, 'start');
  const endsAt = parseDay(values.endsOn, 'end');
  const opensAt = values.enrolmentOpensOn ? parseDay(values.enrolmentOpensOn, 'start') : null;
  const closesAt = values.enrolmentClosesOn ? parseDay(values.enrolmentClosesOn, 'end') : null;
  if (!startsAt) add('startsOn', 'validation.isDate');
  if (!endsAt) add('endsOn', 'validation.isDate');
  if (values.enrolmentOpensOn && !opensAt) add('enrolmentOpensOn', 'validation.isDate');
  if (values.enrolmentClosesOn && !closesAt) add('enrolmentClosesOn', 'validation.isDate');
  if (startsAt && endsAt && endsAt < startsAt) add('endsOn', 'cohorts.form.endsBeforeStart');
  if (opensAt && closesAt && closesAt < opensAt) add('enrolmentClosesOn', 'cohorts.form.closesBeforeOpens');
  if (closesAt && endsAt && closesAt > endsAt) add('enrolmentClosesOn', 'cohorts.form.closesAfterEnd');
  const key = values.enrolmentKey?.trim() ?? '';
  if (values.enrolmentMode === 'key' && !key) add('enrolmentKey', 'cohorts.form.keyRequired');
  if (Object.keys(errors).length || !startsAt || !endsAt) return { errors };
  return {
    columns: {
      courseId: values.courseId,
      name: values.name.trim().replace(/\s+/g, ' '),
      country: values.country,
      startsAt,
      endsAt,
      enrolmentOpensAt: opensAt,
      enrolmentClosesAt: closesAt,
      capacity: values.capacity ?? null,
      enrolmentMode: values.enrolmentMode,
      // The key is kept only where it is used, so switching mode does not leave a stale key behind.
      enrolmentKey: values.enrolmentMode === 'key' ? key : null,
      earlyAccess: values.earlyAccess === true,
    },
  };
}

/** The form's values for an existing cohort (edit page, or the copy for another country). */
export function formValuesOf(cohort: Cohort, facilitatorIds: number[]): Record<string, unknown> {
  return {
    courseId: cohort.courseId,
    name: cohort.name,
    country: cohort.country,
    startsOn: dayInput(cohort.startsAt),
    endsOn: dayInput(cohort.endsAt),
    enrolmentOpensOn: dayInput(cohort.enrolmentOpensAt),
    enrolmentClosesOn: dayInput(cohort.enrolmentClosesAt),
    capacity: cohort.capacity ?? '',
    enrolmentMode: cohort.enrolmentMode,
    enrolmentKey: cohort.enrolmentKey ?? '',
    earlyAccess: cohort.earlyAccess,
    facilitatorIds,
  };
}

/**
 * The name of the same edition in another country: the country's name is
 * swapped when the name contains it ("..., El Salvador" -> "..., Guatemala"),
 * otherwise the new country is appended.
 */
export function nameForCountry(name: string, fromLabels: string[], toLabel: string): string {
  for (const label of fromLabels.filter(Boolean)) {
    const index = name.toLocaleLowerCase('es').lastIndexOf(label.toLocaleLowerCase('es'));
    if (index >= 0) return `${name.slice(0, index)}${toLabel}${name.slice(index + label.length)}`;
  }
  return `${name} (${toLabel})`.slice(0, 160);
}

const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud or copied from a screen without mistakes

/**
 * The enrolment key of a copy for another country: never the original's (two cohorts must not
 * share one key). "TRATA-SV" for Honduras becomes "TRATA-HN-7K3P"; a cohort without a key gets none.
 * `random` returns an integer in [0, n).
 */
export function keyForCopy(sourceKey: string | null, fromCountry: string, toCountry: string, random: (n: number) => number): string | null {
  if (!sourceKey) return null;
  const stem = sourceKey.replace(new RegExp(`-${fromCountry}(-[A-Z0-9]{4})?$`, 'i'), '') || 'CLAVE';
  const suffix = Array.from({ length: 4 }, () => KEY_ALPHABET[random(KEY_ALPHABET.length)]).join('');
  return `${stem}-${toCountry}-${suffix}`.slice(0, 60);
}
