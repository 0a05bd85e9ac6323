import type { TypedCell } from '../../common/safe-cells';
import { translator } from '../../i18n/i18n';
import type { CertificateSummary, LearnerProgressSummary } from '../progress-summary';
import type { RosterPerson as RosterLinePerson } from '../../enrolments/roster-query';

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

/** What the roster shows of the learner: the roster line's person, already named as anonymised where they are. */
export type RosterPerson = Omit<RosterLinePerson, 'anonymised'>;

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

type OptionList = 'institutions' | 'countries' | 'sexes' | 'ageGroups';

/**
 * Every translated word a roster row can hold, looked up once per download
 * instead of once per row: status and certificate labels, and option labels
 * remembered per code as they are first met (there are a few dozen codes).
 */
export interface RosterLabels {
  status: Record<RosterStatus, string>;
  certificateStatus: Record<CertificateSummary['status'], string>;
  option(list: OptionList, code: string, other?: string | null): string;
}

export function rosterLabels(lang: string): RosterLabels {
  const t = translator(lang);
  const known = new Map<string, string>();
  return {
    status: {
      enrolled: t('reports.status.enrolled'),
      inProgress: t('reports.status.inProgress'),
      completed: t('reports.status.completed'),
      withdrawn: t('reports.status.withdrawn'),
    },
    certificateStatus: {
      valid: t('reports.certificateStatus.valid'),
      revoked: t('reports.certificateStatus.revoked'),
      replaced: t('reports.certificateStatus.replaced'),
    },
    option(list, code, other = null) {
      if (code === 'other' && other) return other;
      const key = `${list}.${code}`;
      let label = known.get(key);
      if (label === undefined) {
        label = optionLabel(lang, list, code);
        known.set(key, label);
      }
      return label;
    },
  };
}

/**
 * One roster row, in the order of ROSTER_COLUMNS: every figure comes from the
 * progress read model, so it is the number My courses and the staff list show.
 * Text is not neutralised here; the writers do that for every cell. Pass the
 * labels of rosterLabels(lang) when writing many rows.
 */
export function rosterRow(source: RosterSource, labelsOrLang: RosterLabels | string): TypedCell[] {
  const labels = typeof labelsOrLang === 'string' ? rosterLabels(labelsOrLang) : labelsOrLang;
  const { person, progress, certificate } = source;
  return [
    person.name,
    person.email,
    labels.option('institutions', person.institution, person.institutionOther),
    person.position,
    labels.option('sexes', person.sex),
    labels.option('ageGroups', person.ageGroup),
    labels.option('countries', person.country, person.countryOther),
    person.department,
    person.dutyStation,
    source.courseTitle,
    source.cohortName,
    labels.status[rosterStatus(source.enrolment.status, progress)],
    source.enrolment.createdAt,
    progress?.percent ?? 0,
    progress?.modulesDone ?? 0,
    progress?.quizAverage ?? null,
    progress?.preTestScore ?? null,
    progress?.postTestScore ?? null,
    progress?.knowledgeGain ?? null,
    progress?.completedAt ?? null,
    certificate?.code ?? null,
    certificate ? labels.certificateStatus[certificate.status] : null,
  ];
}
