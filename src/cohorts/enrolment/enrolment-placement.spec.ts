import { hasFinished } from './enrolment-placement';

describe('hasFinished', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const ended = { endsAt: new Date('2026-10-01T00:00:00Z') };
  const running = { endsAt: new Date('2027-01-01T00:00:00Z') };

  it('is true once the cohort has ended and no extension is running', () => {
    expect(hasFinished({ cohort: ended, accessExtendedUntil: null }, now)).toBe(true);
    expect(hasFinished({ cohort: ended, accessExtendedUntil: new Date('2026-11-01T00:00:00Z') }, now)).toBe(true);
  });

  it('is false while the cohort runs, while an extension runs, or without a cohort', () => {
    expect(hasFinished({ cohort: running, accessExtendedUntil: null }, now)).toBe(false);
    expect(hasFinished({ cohort: ended, accessExtendedUntil: new Date('2026-12-01T00:00:00Z') }, now)).toBe(false);
    expect(hasFinished({ cohort: null, accessExtendedUntil: null }, now)).toBe(false);
  });
});
