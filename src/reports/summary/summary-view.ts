import { formatNumber, translator } from '../../i18n/i18n';
import { barChart, groupedBarChart } from '../charts/svg-charts';
import { DIMENSIONS, SummaryFigures } from './donor-summary';
import type { LabelledSummary } from './summary.service';

export interface ChartView {
  svg: string;
  /** The same numbers as a table beside the chart. */
  headers: string[];
  rows: string[][];
}

const MAX_BARS = 15;

/** A figure for a table cell: the number, or a dash where it was withheld or does not exist. */
function show(value: number | null, lang: string, suffix = ''): string {
  return value === null ? '—' : `${formatNumber(value, lang)}${suffix}`;
}

/** Tables of every breakdown and the three charts (completion by cohort, participants by sex and institution, pre/post scores). */
export function summaryView(built: LabelledSummary, lang: string) {
  const t = translator(lang);
  const { summary, labels } = built;
  const percent = ' %';
  const figureRow = (label: string, figures: SummaryFigures) => ({
    label,
    small: figures.small,
    cells: [
      String(figures.enrolled),
      String(figures.completed),
      show(figures.completedPercent, lang, percent),
      String(figures.certified),
      show(figures.certifiedPercent, lang, percent),
      show(figures.preTestAverage, lang),
      show(figures.postTestAverage, lang),
      show(figures.meanGain, lang),
      show(figures.improvedPercent, lang, percent),
    ],
  });
  const tables = DIMENSIONS.map((dimension) => ({
    dimension,
    title: t(`reports.summary.by.${dimension}`),
    rows: summary.groups[dimension].map((group) => figureRow(labels[dimension][group.key], group)),
  }));

  const cohorts = summary.groups.cohort.slice(0, MAX_BARS);
  const completion: ChartView = {
    svg: barChart(
      {
        id: 'chart-completion',
        title: t('reports.charts.completion.title'),
        desc: t('reports.charts.completion.desc', { count: cohorts.length }),
      },
      cohorts.map((group) => ({
        label: labels.cohort[group.key],
        value: group.completed,
        text:
          group.completedPercent === null
            ? `${group.completed}/${group.enrolled}`
            : `${group.completed}/${group.enrolled} (${formatNumber(group.completedPercent, lang)} %)`,
      })),
    ),
    headers: [
      t('reports.summary.by.cohort'),
      t('reports.summary.figures.enrolled'),
      t('reports.summary.figures.completed'),
      t('reports.summary.figures.completedPercent'),
    ],
    rows: cohorts.map((group) => [
      labels.cohort[group.key],
      String(group.enrolled),
      String(group.completed),
      show(group.completedPercent, lang, percent),
    ]),
  };
  const participants = (dimension: 'sex' | 'institution'): ChartView => {
    const groups = summary.groups[dimension].slice(0, MAX_BARS);
    return {
      svg: barChart(
        {
          id: `chart-${dimension}`,
          title: t(`reports.charts.${dimension}.title`),
          desc: t(`reports.charts.${dimension}.desc`, { count: groups.length }),
        },
        groups.map((group) => ({ label: labels[dimension][group.key], value: group.enrolled })),
      ),
      headers: [t(`reports.summary.by.${dimension}`), t('reports.summary.figures.enrolled'), t('reports.summary.figures.completed')],
      rows: groups.map((group) => [labels[dimension][group.key], String(group.enrolled), String(group.completed)]),
    };
  };
  const scores: ChartView = {
    svg: groupedBarChart(
      { id: 'chart-scores', title: t('reports.charts.scores.title'), desc: t('reports.charts.scores.desc') },
      [t('reports.summary.figures.preTestAverage'), t('reports.summary.figures.postTestAverage')],
      [
        { label: t('reports.summary.everyone'), values: [summary.total.preTestAverage, summary.total.postTestAverage] },
        ...cohorts.map((group) => ({ label: labels.cohort[group.key], values: [group.preTestAverage, group.postTestAverage] })),
      ],
    ),
    headers: [
      t('reports.summary.by.cohort'),
      t('reports.summary.figures.preTestAverage'),
      t('reports.summary.figures.postTestAverage'),
      t('reports.summary.figures.meanGain'),
    ],
    rows: [
      [
        t('reports.summary.everyone'),
        show(summary.total.preTestAverage, lang),
        show(summary.total.postTestAverage, lang),
        show(summary.total.meanGain, lang),
      ],
      ...cohorts.map((group) => [
        labels.cohort[group.key],
        show(group.preTestAverage, lang),
        show(group.postTestAverage, lang),
        show(group.meanGain, lang),
      ]),
    ],
  };
  return {
    totalRows: [figureRow(t('reports.summary.everyone'), summary.total)],
    tables,
    charts: [completion, participants('sex'), participants('institution'), scores],
  };
}
