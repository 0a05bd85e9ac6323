import type { LearnerProgressSummary } from '../progress-summary';
import { optionLabel, ROSTER_COLUMNS, rosterHeaders, rosterLabels, rosterRow, RosterSource, rosterStatus } from './roster-row';

const summary = (overrides: Partial<LearnerProgressSummary> = {}): LearnerProgressSummary => ({
  enrolmentId: 1,
  userId: 2,
  courseId: 3,
  cohortId: 4,
  modulesTotal: 4,
  modulesDone: 2,
  percent: 50,
  quizzesTotal: 4,
  quizzesPassed: 2,
  quizAverage: 72.5,
  preTestScore: 40,
  postTestScore: null,
  postTestFirstScore: null,
  knowledgeGain: null,
  completed: false,
  completedAt: null,
  lastActivityAt: new Date('2026-03-02T10:00:00Z'),
  ...overrides,
});

const source = (overrides: Partial<RosterSource> = {}): RosterSource => ({
  enrolment: { id: 1, status: 'active', createdAt: new Date('2026-03-01T09:00:00Z') },
  person: {
    name: 'Rosa Martínez',
    email: 'rosa@example.org',
    institution: 'pnc',
    institutionOther: null,
    position: 'Agente',
    sex: 'female',
    ageGroup: '25-34',
    country: 'SV',
    countryOther: null,
    department: 'La Unión',
    dutyStation: 'El Amatillo',
  },
  courseTitle: 'Trata de personas',
  cohortName: 'Cohorte 1',
  progress: summary(),
  certificate: null,
  ...overrides,
});

const cell = (row: unknown[], key: string) => row[ROSTER_COLUMNS.findIndex((column) => column.key === key)];

describe('roster rows', () => {
  it('has a header per column in Spanish and in English', () => {
    const es = rosterHeaders('es');
    const en = rosterHeaders('en');
    expect(es).toHaveLength(ROSTER_COLUMNS.length);
    expect(es[0]).toBe('Nombre');
    expect(en[0]).toBe('Name');
    expect(en).toContain('Knowledge gain (points)');
    expect(new Set(es).size).toBe(es.length);
  });

  it('takes every figure from the progress summary, keeps numbers and dates typed and translates codes', () => {
    const completedAt = new Date('2026-03-20T12:00:00Z');
    const row = rosterRow(
      source({
        progress: summary({
          percent: 100,
          modulesDone: 4,
          preTestScore: 40,
          postTestScore: 85,
          knowledgeGain: 45,
          completed: true,
          completedAt,
        }),
        certificate: { code: 'AP-1234', status: 'valid' },
      }),
      'en',
    );
    expect(cell(row, 'institution')).toBe('National Civil Police (PNC)');
    expect(cell(row, 'sex')).toBe('Female');
    expect(cell(row, 'progressPercent')).toBe(100);
    expect(cell(row, 'modulesDone')).toBe(4);
    expect(cell(row, 'quizAverage')).toBe(72.5);
    expect(cell(row, 'knowledgeGain')).toBe(45);
    expect(cell(row, 'completedAt')).toBe(completedAt);
    expect(cell(row, 'enrolledAt')).toEqual(new Date('2026-03-01T09:00:00Z'));
    expect(cell(row, 'status')).toBe('Completed');
    expect(cell(row, 'certificateCode')).toBe('AP-1234');
    expect(cell(row, 'certificateStatus')).toBe('Valid');
  });

  it('shows the text typed for "other" and leaves missing figures empty', () => {
    const row = rosterRow(
      source({
        person: { ...source().person, institution: 'other', institutionOther: 'Cruz Roja', country: 'other', countryOther: 'Ecuador' },
        progress: undefined,
        cohortName: null,
      }),
      'es',
    );
    expect(cell(row, 'institution')).toBe('Cruz Roja');
    expect(cell(row, 'country')).toBe('Ecuador');
    expect(cell(row, 'progressPercent')).toBe(0);
    expect(cell(row, 'preTestScore')).toBeNull();
    expect(cell(row, 'cohort')).toBeNull();
    expect(cell(row, 'status')).toBe('Inscrita/o');
  });

  it('names the status from the enrolment and the read model', () => {
    expect(rosterStatus('withdrawn', summary({ completed: true }))).toBe('withdrawn');
    expect(rosterStatus('active', summary({ completed: true }))).toBe('completed');
    expect(rosterStatus('active', summary())).toBe('inProgress');
    expect(rosterStatus('active', summary({ lastActivityAt: null, modulesDone: 0, quizzesPassed: 0, preTestScore: null }))).toBe(
      'enrolled',
    );
    expect(rosterStatus('active', undefined)).toBe('enrolled');
  });

  it('puts every value under its own column', () => {
    const completedAt = new Date('2026-03-20T12:00:00Z');
    const row = rosterRow(
      source({
        progress: summary({ postTestScore: 85, knowledgeGain: 45, completed: true, completedAt }),
        certificate: { code: 'AP-1234', status: 'revoked' },
      }),
      'es',
    );
    expect(row).toHaveLength(ROSTER_COLUMNS.length);
    expect(Object.fromEntries(ROSTER_COLUMNS.map((column, index) => [column.key, row[index]]))).toEqual({
      name: 'Rosa Martínez',
      email: 'rosa@example.org',
      institution: optionLabel('es', 'institutions', 'pnc'),
      position: 'Agente',
      sex: optionLabel('es', 'sexes', 'female'),
      ageGroup: optionLabel('es', 'ageGroups', '25-34'),
      country: optionLabel('es', 'countries', 'SV'),
      department: 'La Unión',
      dutyStation: 'El Amatillo',
      course: 'Trata de personas',
      cohort: 'Cohorte 1',
      status: 'Finalizado',
      enrolledAt: new Date('2026-03-01T09:00:00Z'),
      progressPercent: 50,
      modulesDone: 2,
      quizAverage: 72.5,
      preTestScore: 40,
      postTestScore: 85,
      knowledgeGain: 45,
      completedAt,
      certificateCode: 'AP-1234',
      certificateStatus: 'Revocado',
    });
  });

  it('reuses the labels of one download across rows without mixing people up', () => {
    const labels = rosterLabels('en');
    const other = rosterRow(
      source({ person: { ...source().person, institution: 'other', institutionOther: 'Cruz Roja', sex: 'x-code' } }),
      labels,
    );
    const plain = rosterRow(source(), labels);
    const again = rosterRow(source({ person: { ...source().person, institution: 'other', institutionOther: 'Ministerio' } }), labels);
    expect([cell(other, 'institution'), cell(other, 'sex')]).toEqual(['Cruz Roja', 'x-code']);
    expect([cell(plain, 'institution'), cell(plain, 'sex')]).toEqual(['National Civil Police (PNC)', 'Female']);
    expect(cell(again, 'institution')).toBe('Ministerio');
  });
});
