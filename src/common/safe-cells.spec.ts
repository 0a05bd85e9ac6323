import { protectCell, protectTypedCell } from './safe-cells';

describe('protectCell', () => {
  it.each(['=1+1', '+503 7777', '-2', '@SUM(A1)', '\t=1', '\r=1'])('quotes %j so it is not run as a formula', (value) => {
    expect(protectCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, numbers and empty cells alone', () => {
    expect(protectCell('María José Núñez')).toBe('María José Núñez');
    expect(protectCell('a=b')).toBe('a=b');
    expect(protectCell(42)).toBe('42');
    expect(protectCell(null)).toBe('');
  });
});

describe('protectTypedCell', () => {
  it('keeps computed numbers and dates as they are, negative ones included', () => {
    const date = new Date('2026-03-01T10:00:00Z');
    expect(protectTypedCell(-5)).toBe(-5);
    expect(protectTypedCell(date)).toBe(date);
    expect(protectTypedCell(null)).toBeNull();
    expect(protectTypedCell(Number.NaN)).toBeNull();
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-1', '@x', '\tx', '\rx'])('protects text %j like protectCell', (value) => {
    expect(protectTypedCell(value)).toBe(`'${value}`);
  });
});
