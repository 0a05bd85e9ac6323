/**
 * Charts drawn on the server as plain SVG: no script, no external file. Each
 * has a <title> and a <desc> (read by screen readers through aria-labelledby)
 * and the page puts the same numbers in a table beside it. Every text is
 * escaped; the SVG scales to the width of a phone.
 */
export interface Bar {
  label: string;
  value: number;
  /** Text printed at the end of the bar (e.g. "12 (48 %)"); the value by default. */
  text?: string;
}

export interface ChartText {
  id: string;
  title: string;
  desc: string;
}

export interface SeriesGroup {
  label: string;
  values: (number | null)[];
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const BAR_HEIGHT = 22;
const GAP = 10;
const PALETTE = ['#1d5c96', '#c2571a', '#2f7d4f', '#6b4c9a'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function clip(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function frame(chart: ChartText, height: number, body: string): string {
  const id = escapeXml(chart.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="100%" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(chart.title)}</title><desc id="${id}-desc">${escapeXml(chart.desc)}</desc>${body}</svg>`
  );
}

/** Horizontal bars, one per row, scaled to `max` (the largest value by default). */
export function barChart(chart: ChartText, bars: readonly Bar[], max?: number): string {
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const room = WIDTH - LABEL_WIDTH - 90;
  const body = bars
    .map((bar, index) => {
      const y = GAP + index * (BAR_HEIGHT + GAP);
      const width = Math.max(0, Math.round((bar.value / top) * room));
      return (
        `<g><text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end" font-size="13" fill="#222">${escapeXml(clip(bar.label))}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="${PALETTE[0]}"/>` +
        `<text x="${LABEL_WIDTH + width + 6}" y="${y + 16}" font-size="13" fill="#222">${escapeXml(bar.text ?? String(bar.value))}</text></g>`
      );
    })
    .join('');
  return frame(chart, GAP + Math.max(1, bars.length) * (BAR_HEIGHT + GAP), body);
}

/** Groups of bars side by side (e.g. pre-test and post-test average per cohort), with a legend; values 0-max. */
export function groupedBarChart(chart: ChartText, series: readonly string[], groups: readonly SeriesGroup[], max = 100): string {
  const room = WIDTH - LABEL_WIDTH - 70;
  const legend = series
    .map(
      (name, index) =>
        `<rect x="${LABEL_WIDTH + index * 150}" y="6" width="14" height="14" fill="${PALETTE[index % PALETTE.length]}"/>` +
        `<text x="${LABEL_WIDTH + index * 150 + 20}" y="18" font-size="13" fill="#222">${escapeXml(name)}</text>`,
    )
    .join('');
  const groupHeight = series.length * (BAR_HEIGHT - 4) + GAP;
  const body = groups
    .map((group, index) => {
      const y = 30 + index * groupHeight;
      const bars = group.values
        .map((value, s) => {
          const barY = y + s * (BAR_HEIGHT - 4);
          const width = value === null ? 0 : Math.round((Math.max(0, value) / max) * room);
          return (
            `<rect x="${LABEL_WIDTH}" y="${barY}" width="${width}" height="${BAR_HEIGHT - 6}" fill="${PALETTE[s % PALETTE.length]}"/>` +
            `<text x="${LABEL_WIDTH + width + 6}" y="${barY + 13}" font-size="12" fill="#222">${value === null ? '—' : escapeXml(String(value))}</text>`
          );
        })
        .join('');
      return `<g><text x="${LABEL_WIDTH - 8}" y="${y + groupHeight / 2}" text-anchor="end" font-size="13" fill="#222">${escapeXml(clip(group.label))}</text>${bars}</g>`;
    })
    .join('');
  return frame(chart, 30 + Math.max(1, groups.length) * groupHeight + GAP, legend + body);
}
