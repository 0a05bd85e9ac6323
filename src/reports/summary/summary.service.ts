import { Injectable } from '@nestjs/common';
import type { TypedCell } from '../../common/safe-cells';
import { translator } from '../../i18n/i18n';
import { DownloadAuditService } from '../audit/download-audit.service';
import { SheetColumn, writeCsv, writeXlsx } from '../export/sheet-writers';
import type { RosterRecord } from '../report-sources';
import { filterParams, ReportFilter } from '../roster/report-filter';
import { optionLabel } from '../roster/roster-row';
import { CONTENT_TYPES, PreparedDownload, RosterService, SheetFormat } from '../roster/roster.service';
import type { ReportActor } from '../scope/report-scope.service';
import { DIMENSIONS, Dimension, DonorSummary, DonorSummaryBuilder, SummaryFigures, SummaryParticipant } from './donor-summary';

export interface LabelledSummary {
  summary: DonorSummary;
  /** Display label of each group key, per dimension. */
  labels: Record<Dimension, Record<string, string>>;
}

const FIGURE_COLUMNS: (keyof SummaryFigures)[] = [
  'enrolled',
  'completed',
  'completedPercent',
  'certified',
  'certifiedPercent',
  'preTestAverage',
  'postTestAverage',
  'withBothScores',
  'meanGain',
  'improvedPercent',
];

/** A participant as the summary counts them: codes, not names (an anonymised person counts the same). */
export function participantOf(record: RosterRecord): SummaryParticipant {
  const { user, progress, certificate } = record;
  return {
    sex: user.sex,
    institution: user.institution,
    country: user.country,
    department: `${user.country}|${user.department}`,
    ageGroup: user.ageGroup,
    cohort: record.cohort ? String(record.cohort.id) : '-',
    completed: progress?.completed ?? false,
    certified: certificate?.status === 'valid',
    preTestScore: progress?.preTestScore ?? null,
    // The first post-test attempt, as the knowledge gain is measured: the averages and the gain tell one story.
    postTestScore: progress?.postTestFirstScore ?? null,
    gain: progress?.knowledgeGain ?? null,
  };
}

/** The donor summary for a period and filter, its table as a file, and the labels the page needs. */
@Injectable()
export class SummaryService {
  constructor(
    private readonly rosters: RosterService,
    private readonly audit: DownloadAuditService,
  ) {}

  async build(actor: ReportActor, filter: ReportFilter, lang: string): Promise<LabelledSummary> {
    const scope = await this.rosters.scopeFor(actor, filter);
    const builder = new DonorSummaryBuilder();
    const cohortNames = new Map<string, string>([['-', translator(lang)('reports.summary.noCohort')]]);
    for await (const record of this.rosters.records(scope, filter)) {
      builder.add(participantOf(record));
      if (record.cohort) cohortNames.set(String(record.cohort.id), record.cohort.name);
    }
    const summary = builder.build();
    const label = (dimension: Dimension, key: string): string => {
      if (dimension === 'sex') return optionLabel(lang, 'sexes', key);
      if (dimension === 'institution') return optionLabel(lang, 'institutions', key);
      if (dimension === 'country') return optionLabel(lang, 'countries', key);
      if (dimension === 'ageGroup') return optionLabel(lang, 'ageGroups', key);
      if (dimension === 'cohort') return cohortNames.get(key) ?? key;
      const [country, department] = key.split('|');
      return `${optionLabel(lang, 'countries', country)} · ${department}`;
    };
    const labels = Object.fromEntries(
      DIMENSIONS.map((dimension) => [
        dimension,
        Object.fromEntries(summary.groups[dimension].map((group) => [group.key, label(dimension, group.key)])),
      ]),
    ) as Record<Dimension, Record<string, string>>;
    return { summary, labels };
  }

  /** The summary table: a line for everyone, then one per group of each breakdown. Withheld figures are empty cells. */
  async download(actor: ReportActor, filter: ReportFilter, format: SheetFormat, lang: string, today: Date): Promise<PreparedDownload> {
    const t = translator(lang);
    const built = await this.build(actor, filter, lang);
    const columns: SheetColumn[] = [
      { header: t('reports.summary.breakdown'), kind: 'text', width: 18 },
      { header: t('reports.summary.group'), kind: 'text', width: 34 },
      ...FIGURE_COLUMNS.map((key) => ({ header: t(`reports.summary.figures.${key}`), kind: 'number' as const, width: 12 })),
    ];
    const line = (breakdown: string, group: string, figures: SummaryFigures): TypedCell[] => [
      breakdown,
      group,
      ...FIGURE_COLUMNS.map((key) => figures[key] as number | null),
    ];
    async function* rows(): AsyncGenerator<TypedCell[]> {
      yield line(t('reports.summary.everyone'), t('reports.summary.everyone'), built.summary.total);
      for (const dimension of DIMENSIONS) {
        for (const group of built.summary.groups[dimension])
          yield line(t(`reports.summary.by.${dimension}`), built.labels[dimension][group.key], group);
      }
    }
    return {
      fileName: `${t('reports.summary.fileName')}-${today.toISOString().slice(0, 10)}.${format}`,
      contentType: CONTENT_TYPES[format],
      write: async (destination) => {
        const auditId = await this.audit.start(actor.id, 'summary', format, filterParams(filter));
        const count =
          format === 'csv'
            ? await writeCsv(destination, columns, rows())
            : await writeXlsx(destination, t('reports.summary.sheet'), columns, rows());
        await this.audit.finish(auditId, count);
        return count;
      },
    };
  }
}
