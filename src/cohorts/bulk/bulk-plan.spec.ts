import { ParsedRow } from './bulk-rows';
import { planRows, summarise } from './bulk-plan';

const row = (
  line: number,
  email: string,
  overrides: Partial<ParsedRow['values']> = {},
  problems: ParsedRow['problems'] = [],
): ParsedRow => {
  const values = {
    email,
    name: `N${line}`,
    institution: 'pnc',
    position: '',
    country: 'SV',
    department: '',
    dutyStation: '',
    sex: 'female',
    ageGroup: '25-34',
    ...overrides,
  };
  return { line, values, raw: values, problems };
};

describe('planRows', () => {
  it('creates, enrols, recognises existing enrolments and explains errors', () => {
    const accounts = new Map([
      ['old@x.org', { userId: 1, statusHere: null, activeElsewhere: null }],
      ['in@x.org', { userId: 2, statusHere: 'active', activeElsewhere: null }],
      ['other@x.org', { userId: 3, statusHere: null, activeElsewhere: 'Cohorte GT' }],
      ['back@x.org', { userId: 4, statusHere: 'withdrawn', activeElsewhere: null }],
    ]);
    const planned = planRows(
      [
        row(2, 'new@x.org'),
        row(3, 'old@x.org', { sex: '' }),
        row(4, 'in@x.org'),
        row(5, 'other@x.org'),
        row(6, 'back@x.org'),
        row(7, 'bad', {}, [{ key: 'cohorts.bulk.problems.invalidEmail' }]),
        row(8, 'partial@x.org', { sex: '', country: '' }),
      ],
      { accounts, seatsLeft: null },
    );
    expect(planned.map((p) => [p.line, p.outcome])).toEqual([
      [2, 'newAccount'],
      [3, 'enrolExisting'],
      [4, 'alreadyEnrolled'],
      [5, 'error'],
      [6, 'enrolExisting'],
      [7, 'error'],
      [8, 'error'],
    ]);
    expect(planned[4].userId).toBe(4);
    expect(planned[3].messages).toEqual([{ key: 'cohorts.bulk.problems.activeElsewhere', params: { cohort: 'Cohorte GT' } }]);
    expect(planned[6].messages.map((m) => m.params)).toEqual([{ field: 'country' }, { field: 'sex' }]);
    expect(summarise(planned)).toEqual({ newAccount: 1, enrolExisting: 2, alreadyEnrolled: 1, error: 3 });
  });

  it('gives the remaining seats to the first rows that need one', () => {
    const accounts = new Map([['in@x.org', { userId: 2, statusHere: 'active', activeElsewhere: null }]]);
    const planned = planRows([row(2, 'a@x.org'), row(3, 'in@x.org'), row(4, 'b@x.org'), row(5, 'c@x.org')], { accounts, seatsLeft: 2 });
    expect(planned.map((p) => p.outcome)).toEqual(['newAccount', 'alreadyEnrolled', 'newAccount', 'error']);
    expect(planned[3].messages).toEqual([{ key: 'cohorts.bulk.problems.overCapacity' }]);
  });

  it('refuses every enrolment when the cohort is closed', () => {
    const planned = planRows([row(2, 'a@x.org')], { accounts: new Map(), seatsLeft: null, closedReason: 'archived' });
    expect(planned[0]).toMatchObject({ outcome: 'error', messages: [{ key: 'cohorts.bulk.problems.archived' }] });
  });
});
