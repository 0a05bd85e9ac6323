import { protectCell } from './safe-cells';

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
