import { barChart, groupedBarChart } from './svg-charts';

describe('SVG charts', () => {
  it('draws one bar per value with an accessible title and description and no script', () => {
    const svg = barChart({ id: 'c1', title: 'Completion by cohort', desc: 'Two cohorts' }, [
      { label: 'A', value: 10 },
      { label: 'B', value: 5, text: '5 (50 %)' },
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Completion by cohort</title>');
    expect(svg).toContain('<desc id="c1-desc">Two cohorts</desc>');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('5 (50 %)');
    expect(svg).not.toMatch(/script|on\w+=/i);
  });

  it('scales bars to the largest value and escapes labels', () => {
    const svg = barChart({ id: 'c2', title: 't', desc: 'd' }, [
      { label: '<b>&"x"', value: 4 },
      { label: 'y', value: 2 },
    ]);
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((match) => Number(match[1]));
    expect(widths[0]).toBe(widths[1] * 2);
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(svg).not.toContain('<b>');
  });

  it('draws grouped bars with a legend and a dash for a missing value', () => {
    const svg = groupedBarChart(
      { id: 'c3', title: 'Scores', desc: 'Pre and post' },
      ['Pre', 'Post'],
      [
        { label: 'A', values: [40, 80] },
        { label: 'B', values: [null, 60] },
      ],
    );
    expect(svg).toContain('>Pre<');
    expect(svg).toContain('>Post<');
    expect(svg).toContain('>—<');
    expect(svg.match(/<rect /g)).toHaveLength(6);
  });
});
