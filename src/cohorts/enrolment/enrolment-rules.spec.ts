import { checkEligibility, CohortTerms, keysMatch, seatsLeft } from './enrolment-rules';

const day = (d: number) => new Date(Date.UTC(2026, 3, d, 12));
const cohort = (overrides: Partial<CohortTerms> = {}): CohortTerms => ({
  enrolmentMode: 'open',
  enrolmentKey: null,
  capacity: null,
  enrolmentOpensAt: day(1),
  enrolmentClosesAt: day(10),
  endsAt: day(30),
  archivedAt: null,
  ...overrides,
});
const self = (overrides: Partial<{ now: Date; activeCount: number; key: string }> = {}) => ({
  now: day(5),
  activeCount: 0,
  route: 'self' as const,
  ...overrides,
});
const staff = (overrides: Partial<{ now: Date; activeCount: number }> = {}) => ({
  now: day(5),
  activeCount: 0,
  route: 'staff' as const,
  ...overrides,
});

describe('checkEligibility', () => {
  it('enrols directly in an open cohort within the window', () => {
    expect(checkEligibility(cohort(), self())).toEqual({ ok: true, status: 'active' });
  });

  it('refuses before the window opens and after it closes, but not on its edges', () => {
    expect(checkEligibility(cohort(), self({ now: new Date(day(1).getTime() - 1) }))).toEqual({ ok: false, reason: 'notOpenYet' });
    expect(checkEligibility(cohort(), self({ now: day(1) }))).toEqual({ ok: true, status: 'active' });
    expect(checkEligibility(cohort(), self({ now: day(10) }))).toEqual({ ok: true, status: 'active' });
    expect(checkEligibility(cohort(), self({ now: new Date(day(10).getTime() + 1) }))).toEqual({ ok: false, reason: 'closed' });
  });

  it('treats a missing window edge as no limit', () => {
    expect(checkEligibility(cohort({ enrolmentOpensAt: null, enrolmentClosesAt: null }), self({ now: day(29) }))).toEqual({
      ok: true,
      status: 'active',
    });
  });

  it('refuses when the cohort is full, counting only active seats', () => {
    expect(checkEligibility(cohort({ capacity: 3 }), self({ activeCount: 2 }))).toEqual({ ok: true, status: 'active' });
    expect(checkEligibility(cohort({ capacity: 3 }), self({ activeCount: 3 }))).toEqual({ ok: false, reason: 'full' });
    expect(checkEligibility(cohort({ capacity: 3 }), staff({ activeCount: 3 }))).toEqual({ ok: false, reason: 'full' });
  });

  it('asks for the right key in key mode, ignoring case and surrounding spaces', () => {
    const keyed = cohort({ enrolmentMode: 'key', enrolmentKey: 'Frontera2026' });
    expect(checkEligibility(keyed, self({ key: 'frontera2026 ' }))).toEqual({ ok: true, status: 'active' });
    expect(checkEligibility(keyed, self({ key: 'frontera' }))).toEqual({ ok: false, reason: 'wrongKey' });
    expect(checkEligibility(keyed, self({ key: '' }))).toEqual({ ok: false, reason: 'wrongKey' });
  });

  it('turns a self-enrolment in an approval cohort into a pending request', () => {
    expect(checkEligibility(cohort({ enrolmentMode: 'approval' }), self())).toEqual({ ok: true, status: 'pending' });
    expect(checkEligibility(cohort({ enrolmentMode: 'approval' }), staff())).toEqual({ ok: true, status: 'active' });
  });

  it('lets only staff routes into invitation-only cohorts', () => {
    expect(checkEligibility(cohort({ enrolmentMode: 'invitation' }), self())).toEqual({ ok: false, reason: 'invitationOnly' });
    expect(checkEligibility(cohort({ enrolmentMode: 'invitation' }), staff())).toEqual({ ok: true, status: 'active' });
  });

  it('lets staff enrol outside the window but never into an archived or finished cohort', () => {
    expect(checkEligibility(cohort(), staff({ now: day(20) }))).toEqual({ ok: true, status: 'active' });
    expect(checkEligibility(cohort({ archivedAt: day(2) }), staff())).toEqual({ ok: false, reason: 'archived' });
    expect(checkEligibility(cohort(), staff({ now: day(31) }))).toEqual({ ok: false, reason: 'ended' });
  });

  it('reports the window before the capacity, and the capacity before the key', () => {
    const keyedFull = cohort({ enrolmentMode: 'key', enrolmentKey: 'k', capacity: 1 });
    expect(checkEligibility(keyedFull, self({ activeCount: 1, key: 'wrong' }))).toEqual({ ok: false, reason: 'full' });
    expect(checkEligibility(keyedFull, self({ now: day(11), activeCount: 1, key: 'wrong' }))).toEqual({ ok: false, reason: 'closed' });
  });
});

describe('helpers', () => {
  it('never matches a missing or blank key', () => {
    expect(keysMatch(null, '')).toBe(false);
    expect(keysMatch('  ', '  ')).toBe(false);
    expect(keysMatch('Niñez', 'NIÑEZ')).toBe(true);
  });

  it('counts seats left, null meaning unlimited', () => {
    expect(seatsLeft(null, 500)).toBeNull();
    expect(seatsLeft(10, 4)).toBe(6);
    expect(seatsLeft(2, 5)).toBe(0);
  });
});
