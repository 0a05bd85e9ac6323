import { SMALL_GROUP, SummaryParticipant, summarise } from './donor-summary';

const person = (overrides: Partial<SummaryParticipant> = {}): SummaryParticipant => {
  const base = {
    sex: 'female',
    institution: 'pnc',
    country: 'SV',
    department: 'SV · La Unión',
    ageGroup: '25-34',
    cohort: 'A',
    completed: false,
    certified: false,
    preTestScore: null,
    postTestScore: null,
    ...overrides,
  };
  const gain = base.preTestScore !== null && base.postTestScore !== null ? base.postTestScore - base.preTestScore : null;
  return { gain, ...base };
};

describe('donor summary', () => {
  // Six women at the PNC (4 completed, 3 certified) and two men at the DGME (1 completed).
  const data: SummaryParticipant[] = [
    person({ completed: true, certified: true, preTestScore: 40, postTestScore: 80 }),
    person({ completed: true, certified: true, preTestScore: 50, postTestScore: 70 }),
    person({ completed: true, certified: true, preTestScore: 60, postTestScore: 60 }),
    person({ completed: true, preTestScore: 70, postTestScore: 90 }),
    person({ preTestScore: 30, postTestScore: 20 }),
    person({ preTestScore: 50 }),
    person({ sex: 'male', institution: 'dgme', cohort: 'B', completed: true, preTestScore: 20, postTestScore: 100 }),
    person({ sex: 'male', institution: 'dgme', cohort: 'B' }),
  ];

  it('counts enrolled, completed and certified, with shares and score averages for the whole group', () => {
    const { total } = summarise(data);
    expect(total).toMatchObject({ enrolled: 8, completed: 5, certified: 3, completedPercent: 62.5, certifiedPercent: 37.5, small: false });
    // Pre-test: 40 50 60 70 30 50 20 -> 320 / 7; post-test: 80 70 60 90 20 100 -> 420 / 6.
    expect(total.preTestAverage).toBe(45.7);
    expect(total.postTestAverage).toBe(70);
    // Gains of the six with both: 40 20 0 20 -10 80 -> 150 / 6 = 25; improved 4 of 6.
    expect(total.withBothScores).toBe(6);
    expect(total.meanGain).toBe(25);
    expect(total.improvedPercent).toBe(66.7);
  });

  it('disaggregates by sex, institution and cohort and withholds percentages and averages for groups under five', () => {
    const { groups } = summarise(data);
    const women = groups.sex.find((group) => group.key === 'female')!;
    const men = groups.sex.find((group) => group.key === 'male')!;
    expect(women).toMatchObject({ enrolled: 6, completed: 4, certified: 3, completedPercent: 66.7, small: false, meanGain: 14 });
    expect(men).toMatchObject({
      enrolled: 2,
      completed: 1,
      certified: 0,
      completedPercent: null,
      certifiedPercent: null,
      meanGain: null,
      small: true,
    });
    expect(groups.institution.map((group) => group.key)).toEqual(['pnc', 'dgme']);
    expect(groups.cohort.map((group) => [group.key, group.enrolled])).toEqual([
      ['A', 6],
      ['B', 2],
    ]);
    expect(SMALL_GROUP).toBe(5);
  });

  it('gives zeros and no percentages for an empty period', () => {
    const { total, groups } = summarise([]);
    expect(total).toMatchObject({ enrolled: 0, completed: 0, completedPercent: null, meanGain: null, small: true });
    expect(groups.sex).toEqual([]);
  });
});
