import { cohortColumnsFrom, CohortFormValues, dayInput, keyForCopy, nameForCountry, parseDay } from './cohort-form';

const values = (overrides: Partial<CohortFormValues> = {}): CohortFormValues => ({
  courseId: 1,
  name: '  Niñez migrante,   2.ª edición ',
  country: 'SV',
  startsOn: '2026-04-01',
  endsOn: '2026-06-30',
  enrolmentMode: 'open',
  ...overrides,
});

describe('cohort form', () => {
  it('reads days as whole days: a start at its first moment, an end at its last', () => {
    expect(parseDay('2026-06-30', 'start')).toEqual(new Date(2026, 5, 30, 0, 0, 0, 0));
    expect(parseDay('2026-06-30', 'end')).toEqual(new Date(2026, 5, 30, 23, 59, 59, 999));
    expect(dayInput(parseDay('2026-06-30', 'end'))).toBe('2026-06-30');
  });

  it('rejects impossible or malformed days', () => {
    expect(parseDay('2026-02-31', 'start')).toBeNull();
    expect(parseDay('30/06/2026', 'start')).toBeNull();
    expect(parseDay(undefined, 'end')).toBeNull();
  });

  it('builds columns, tidying the name and dropping a key that the mode does not use', () => {
    const result = cohortColumnsFrom(values({ enrolmentKey: 'abc', capacity: 40 }));
    expect(result).toEqual({
      columns: expect.objectContaining({ name: 'Niñez migrante, 2.ª edición', capacity: 40, enrolmentKey: null, enrolmentOpensAt: null }),
    });
  });

  it('explains inconsistent dates and a missing key field by field', () => {
    const result = cohortColumnsFrom(
      values({
        endsOn: '2026-03-01',
        enrolmentOpensOn: '2026-03-10',
        enrolmentClosesOn: '2026-03-05',
        enrolmentMode: 'key',
        enrolmentKey: '  ',
      }),
    );
    expect(result).toEqual({
      errors: {
        endsOn: [{ key: 'cohorts.form.endsBeforeStart' }],
        enrolmentClosesOn: [{ key: 'cohorts.form.closesBeforeOpens' }, { key: 'cohorts.form.closesAfterEnd' }],
        enrolmentKey: [{ key: 'cohorts.form.keyRequired' }],
      },
    });
  });

  it('names the copy for another country by swapping the country name', () => {
    expect(nameForCountry('Niñez migrante, 2.ª edición, El Salvador', ['El Salvador'], 'Guatemala')).toBe(
      'Niñez migrante, 2.ª edición, Guatemala',
    );
    expect(nameForCountry('Trata de personas 2026', ['El Salvador'], 'Honduras')).toBe('Trata de personas 2026 (Honduras)');
  });

  it('gives a copy for another country its own enrolment key, never the original one', () => {
    const first = () => 0;
    expect(keyForCopy('TRATA-SV', 'SV', 'HN', first)).toBe('TRATA-HN-AAAA');
    expect(keyForCopy('Frontera2026', 'SV', 'GT', (n) => n - 1)).toBe('Frontera2026-GT-9999');
    expect(keyForCopy('TRATA-HN-AAAA', 'HN', 'GT', first)).toBe('TRATA-GT-AAAA');
    expect(keyForCopy(null, 'SV', 'HN', first)).toBeNull();
    const keys = new Set(['GT', 'HN', 'PA'].map((country) => keyForCopy('NINEZ-SV', 'SV', country, first)));
    expect(keys.size).toBe(3);
    expect(keys.has('NINEZ-SV')).toBe(false);
  });
});
