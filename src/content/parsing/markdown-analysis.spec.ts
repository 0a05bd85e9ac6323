import { analyseMarkdown } from './markdown-analysis';

describe('analyseMarkdown', () => {
  const lines = [
    'Intro with <b>bold</b>', // 1
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | [x](cell.md) |', // 5
    '',
    '- item',
    '  continued [z](list.md)', // 8
    '',
    '> quote',
    'lazy [v](quote.md)', // 11
    '',
    'text `code',
    'span` then [u](after-code.md)', // 14
    '',
    '# Top',
    '',
    '![](media/a%20b.png)', // 18
    '',
    '<div>',
    'block',
    '</div>',
  ];
  const findings = analyseMarkdown(lines);

  it('gives every link the line it is written on: tables, lists, lazy quotes, after code spans', () => {
    expect(findings.references.map((reference) => [reference.href, reference.line])).toEqual([
      ['cell.md', 5],
      ['list.md', 8],
      ['quote.md', 11],
      ['after-code.md', 14],
      ['media/a%20b.png', 18],
    ]);
    expect(findings.references[4]).toMatchObject({ kind: 'image', altText: '' });
  });

  it('finds raw HTML inline and in blocks, and # headings', () => {
    expect(findings.rawHtml).toEqual([
      { line: 1, html: '<b>' },
      { line: 1, html: '</b>' },
      { line: 20, html: '<div>' },
    ]);
    expect(findings.levelOneHeadings).toEqual([16]);
  });
});
