import type { TypedCell } from '../../common/safe-cells';
import { translator } from '../../i18n/i18n';
import type { CertificateSummary, LearnerProgressSummary } from '../progress-summary';

/** The four states a roster filters on, in the words coordinators use. */
export const ROSTER_STATUSES = ['enrolled', 'inProgress', 'completed', 'withdrawn'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export type ColumnKind = 'text' | 'number' | 'percent' | 'date';

export interface RosterColumn {
  key: string;
  kind: ColumnKind;
  /** Width in characters for the XLSX sheet. */
  width: number;
}

/** One row per enrolment, in this order (the list, plus the roster status). */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', kind: 'text', width: 28 },
  { key: 'email', kind: 'text', width: 30 },
  { key: 'institution', kind: 'text', width: 28 },
  { key: 'position', kind: 'text', width: 22 },
  { key: 'sex', kind: 'text', width: 12 },
  { key: 'ageGroup', kind: 'text', width: 10 },
  { key: 'country', kind: 'text', width: 14 },
  { key: 'department', kind: 'text', width: 16 },
  { key: 'dutyStation', kind: 'text', width: 22 },
  { key: 'course', kind: 'text', width: 30 },
  { key: 'cohort', kind: 'text', width: 30 },
  { key: 'status', kind: 'text', width: 14 },
  { key: 'enrolledAt', kind: 'date', width: 12 },
  { key: 'progressPercent', kind: 'number', width: 10 },
  { key: 'modulesDone', kind: 'number', width: 10 },
  { key: 'quizAverage', kind: 'number', width: 10 },
  { key: 'preTestScore', kind: 'number', width: 10 },
  { key: 'postTestScore', kind: 'number', width: 10 },
  { key: 'knowledgeGain', kind: 'number', width: 10 },
  { key: 'completedAt', kind: 'date', width: 12 },
  { key: 'certificateCode', kind: 'text', width: 18 },
  { key: 'certificateStatus', kind: 'text', width: 12 },
];

/** What the roster needs to know about the learner (a slice of the user row). */
export interface RosterPerson {
  name: string;
  email: string;
  institution: string;
  institutionOther: string | null;
  position: string;
  sex: string;
  ageGroup: string;
  country: string;
  countryOther: string | null;
  department: string;
  dutyStation: string;
}

export interface RosterSource {
  enrolment: { id: number; status: string; createdAt: Date };
  person: RosterPerson;
  courseTitle: string;
  cohortName: string | null;
  progress: LearnerProgressSummary | undefined;
  certificate: CertificateSummary | null;
}

/** Column titles in the user's language (reports.columns.<key>). */
export function rosterHeaders(lang: string): string[] {
  const t = translator(lang);
  return ROSTER_COLUMNS.map((column) => t(`reports.columns.${column.key}`));
}

/** Withdrawn wins; then completed (from the progress read model); then started or not. */
export function rosterStatus(enrolmentStatus: string, progress: LearnerProgressSummary | undefined): RosterStatus {
  if (enrolmentStatus === 'withdrawn') return 'withdrawn';
  if (progress?.completed) return 'completed';
  if (
    progress &&
    (progress.lastActivityAt !== null || progress.modulesDone > 0 || progress.quizzesPassed > 0 || progress.preTestScore !== null)
  )
    return 'inProgress';
  return 'enrolled';
}

/** Option codes as the site shows them; "other" shows what the person typed. */
export function optionLabel(
  lang: string,
  list: 'institutions' | 'countries' | 'sexes' | 'ageGroups',
  code: string,
  other: string | null = null,
): string {
  if (code === 'other' && other) return other;
  return translator(lang)(`options.${list}.${code}`, { defaultValue: code });
}

/**
 * One roster row: every figure comes from the progress read model, so it is the
 * number My courses and the staff list show. Text is not neutralised here; the
 * writers do that for every cell.
 */
export function rosterRow(source: RosterSource, lang: string): TypedCell[] {
  const t = translator(lang);
  const { person, progress, certificate } = source;
  const values: Record<string, TypedCell> = {
    name: person.name,
    email: person.email,
    institution: optionLabel(lang, 'institutions', person.institution, person.institutionOther),
    position: person.position,
    sex: optionLabel(lang, 'sexes', person.sex),
    ageGroup: optionLabel(lang, 'ageGroups', person.ageGroup),
    country: optionLabel(lang, 'countries', person.country, person.countryOther),
    department: person.department,
    dutyStation: person.dutyStation,
    course: source.courseTitle,
    cohort: source.cohortName,
    status: t(`reports.status.${rosterStatus(source.enrolment.status, progress)}`),
    enrolledAt: source.enrolment.createdAt,
    progressPercent: progress?.percent ?? 0,
    modulesDone: progress?.modulesDone ?? 0,
    quizAverage: progress?.quizAverage ?? null,
    preTestScore: progress?.preTestScore ?? null,
    postTestScore: progress?.postTestScore ?? null,
    knowledgeGain: progress?.knowledgeGain ?? null,
    completedAt: progress?.completedAt ?? null,
    certificateCode: certificate?.code ?? null,
    certificateStatus: certificate ? t(`reports.certificateStatus.${certificate.status}`) : null,
  };
  return ROSTER_COLUMNS.map((column) => values[column.key] ?? null);
}
