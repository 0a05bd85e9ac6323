import { AccessFacts, decideAccess, pickLanguage } from './access-rule';

const now = new Date('2026-06-01T12:00:00Z');
const later = new Date('2026-07-01T00:00:00Z');
const earlier = new Date('2026-05-01T00:00:00Z');
const facts = (overrides: Partial<AccessFacts> = {}): AccessFacts => ({
  role: 'learner',
  enrolment: null,
  cohort: null,
  facilitatesCourse: false,
  now,
  ...overrides,
});
const active = { status: 'active' as const, accessExtendedUntil: null };

describe('decideAccess', () => {
  it('lets an actively enrolled learner read and record while the cohort runs', () => {
    expect(decideAccess(facts({ enrolment: active, cohort: { endsAt: later } }))).toEqual({
      read: true,
      record: true,
      as: 'learner',
      reason: null,
    });
  });

  it('keeps reading but stops new records once the cohort has ended', () => {
    expect(decideAccess(facts({ enrolment: active, cohort: { endsAt: earlier } }))).toEqual({
      read: true,
      record: false,
      as: 'learner',
      reason: 'cohortEnded',
    });
  });

  it('lets an extension reopen recording until it runs out', () => {
    const extended = { status: 'active' as const, accessExtendedUntil: later };
    expect(decideAccess(facts({ enrolment: extended, cohort: { endsAt: earlier } })).record).toBe(true);
    const expired = { status: 'active' as const, accessExtendedUntil: earlier };
    expect(decideAccess(facts({ enrolment: expired, cohort: { endsAt: earlier } })).record).toBe(false);
  });

  it('gives nothing to learners without an active enrolment', () => {
    expect(decideAccess(facts()).read).toBe(false);
    for (const status of ['pending', 'declined', 'withdrawn', 'moved'] as const) {
      expect(decideAccess(facts({ enrolment: { status, accessExtendedUntil: null }, cohort: { endsAt: later } })).read).toBe(false);
    }
  });

  it('lets staff read without recording: coordinators and admins everywhere, facilitators their courses', () => {
    expect(decideAccess(facts({ role: 'coordinator' }))).toEqual({ read: true, record: false, as: 'staff', reason: null });
    expect(decideAccess(facts({ role: 'admin' })).read).toBe(true);
    expect(decideAccess(facts({ role: 'facilitator' })).read).toBe(false);
    expect(decideAccess(facts({ role: 'facilitator', facilitatesCourse: true })).as).toBe('staff');
  });

  it('treats enrolled staff as learners', () => {
    expect(decideAccess(facts({ role: 'facilitator', enrolment: active, cohort: { endsAt: later } })).as).toBe('learner');
  });
});

describe('pickLanguage', () => {
  it("uses the reader's language when the course has it, else the course's first", () => {
    expect(pickLanguage(['es', 'en'], 'en')).toBe('en');
    expect(pickLanguage(['es'], 'en')).toBe('es');
    expect(pickLanguage(['en', 'es'], undefined)).toBe('en');
  });
});

describe('before the cohort starts', () => {
  it('keeps the modules closed for its learners until the start date, unless the cohort allows early access', () => {
    const cohort = { startsAt: later, endsAt: new Date('2026-09-01T00:00:00Z') };
    expect(decideAccess(facts({ enrolment: active, cohort }))).toEqual({ read: false, record: false, as: 'learner', reason: 'notStarted' });
    expect(decideAccess(facts({ enrolment: active, cohort: { ...cohort, earlyAccess: true } }))).toEqual({
      read: true,
      record: true,
      as: 'learner',
      reason: null,
    });
    expect(decideAccess(facts({ enrolment: active, cohort, now: later }))).toMatchObject({ read: true, record: true });
    expect(decideAccess(facts({ enrolment: active, cohort: { ...cohort, startsAt: earlier } }))).toMatchObject({
      read: true,
      record: true,
    });
  });

  it('does not hold back staff looking at the course', () => {
    expect(decideAccess(facts({ role: 'coordinator', cohort: { startsAt: later, endsAt: later } }))).toMatchObject({
      read: true,
      as: 'staff',
    });
  });
});
