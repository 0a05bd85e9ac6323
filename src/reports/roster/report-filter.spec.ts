import { filterQueryString, rosterQueryFrom } from './report-filter';

describe('report filters as database queries', () => {
  it('turns statuses, the period and the scope into the enrolment query', () => {
    expect(rosterQueryFrom({}, { kind: 'all' })).toMatchObject({
      statuses: ['active', 'withdrawn'],
      completed: undefined,
      dateField: 'enrolled',
      scopeCountries: undefined,
      scopeCohortIds: undefined,
    });
    expect(rosterQueryFrom({ status: 'withdrawn' }, { kind: 'all' })).toMatchObject({ statuses: ['withdrawn'] });
    expect(rosterQueryFrom({ status: 'completed' }, { kind: 'all' })).toMatchObject({ statuses: ['active'], completed: true });
    expect(rosterQueryFrom({ status: 'inProgress' }, { kind: 'all' })).toMatchObject({ statuses: ['active'], completed: false });
    expect(rosterQueryFrom({ status: 'enrolled' }, { kind: 'countries', countries: ['GT'] })).toMatchObject({
      completed: false,
      scopeCountries: ['GT'],
    });
    expect(rosterQueryFrom({}, { kind: 'cohorts', cohortIds: [] })).toMatchObject({ scopeCohortIds: [] });
  });

  it('includes the whole last day of the range', () => {
    const query = rosterQueryFrom({ from: '2026-01-01', to: '2026-03-31', dateField: 'completed' }, { kind: 'all' });
    expect(query.from).toEqual(new Date('2026-01-01T00:00:00.000Z'));
    expect(query.until).toEqual(new Date('2026-04-01T00:00:00.000Z'));
    expect(query.dateField).toBe('completed');
  });

  it('keeps only the filters given in links', () => {
    expect(filterQueryString({ course: 3, status: 'completed', cohort: undefined })).toBe('?course=3&status=completed');
    expect(filterQueryString({})).toBe('');
  });
});
