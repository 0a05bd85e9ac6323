import { DataSource } from 'typeorm';
import type { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { ModuleVersion } from '../../../src/content/entities/module-version.entity';
import { formatNumber } from '../../../src/i18n/i18n';
import type { User } from '../../../src/users/user.entity';
import { assignFacilitator, BuiltCourse, createCohort, createCourse, enrol } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { downloadCsv, downloadXlsx, learner, progressRow, submittedAttempt, updateEnrolment } from './report-fixtures';

/**
 * A hand-built cohort with known answers. Assessment questions: pt-q1 single (a), pt-q2 multiple (a+b),
 * pt-q3 true/false (b), pt-q4 single (c).
 */
type Person = {
  key: string;
  sex: string;
  institution: string;
  pre: number | null;
  post: number | null;
  completed: boolean;
  answers?: Record<string, string[]>;
};
const PEOPLE: Person[] = [
  {
    key: 'W1',
    sex: 'female',
    institution: 'pnc',
    pre: 25,
    post: 75,
    completed: true,
    answers: { 'pt-q1': ['a'], 'pt-q2': ['c'], 'pt-q3': ['a'], 'pt-q4': ['a'] },
  },
  {
    key: 'W2',
    sex: 'female',
    institution: 'pnc',
    pre: 50,
    post: 100,
    completed: true,
    answers: { 'pt-q1': ['a'], 'pt-q2': ['a', 'b'], 'pt-q3': ['a'], 'pt-q4': ['a'] },
  },
  {
    key: 'W3',
    sex: 'female',
    institution: 'pnc',
    pre: 50,
    post: 50,
    completed: true,
    answers: { 'pt-q1': ['a'], 'pt-q2': ['a'], 'pt-q3': ['b'], 'pt-q4': ['b'] },
  },
  {
    key: 'W4',
    sex: 'female',
    institution: 'pnc',
    pre: 75,
    post: 100,
    completed: true,
    answers: { 'pt-q1': ['a'], 'pt-q2': ['b', 'a'], 'pt-q3': ['b'], 'pt-q4': ['a'] },
  },
  {
    key: 'W5',
    sex: 'female',
    institution: 'pnc',
    pre: 25,
    post: null,
    completed: false,
    answers: { 'pt-q1': ['b'], 'pt-q2': ['a', 'c'], 'pt-q3': ['a'], 'pt-q4': ['c'] },
  },
  { key: 'W6', sex: 'female', institution: 'pnc', pre: null, post: null, completed: false },
  {
    key: 'M1',
    sex: 'male',
    institution: 'dgme',
    pre: 0,
    post: 100,
    completed: true,
    answers: { 'pt-q1': ['b'], 'pt-q3': ['a'], 'pt-q4': ['a'] },
  },
  {
    key: 'M2',
    sex: 'male',
    institution: 'dgme',
    pre: 50,
    post: null,
    completed: false,
    answers: { 'pt-q1': ['a'], 'pt-q3': ['a'], 'pt-q4': ['c'] },
  },
];

describe('donor summary and question analysis on a hand-built cohort', () => {
  let testApp: TestApp;
  let built: BuiltCourse;
  let cohort: Cohort;
  let coordinator: Agent;
  let facilitator: Agent;
  const users: Record<string, User> = {};

  beforeAll(async () => {
    testApp = await createTestApp();
    const app = testApp.app;
    built = await createCourse(app);
    cohort = await createCohort(app, built.course, { name: 'Resumen 2026' });
    const assessment = built.assessment!;
    for (const person of PEOPLE) {
      const user = await learner(app, { name: `Persona ${person.key}`, sex: person.sex, institution: person.institution });
      users[person.key] = user;
      const enrolment = await enrol(app, user, built.course, cohort);
      if (person.pre !== null) await submittedAttempt(app, user, assessment, 'pre', person.answers ?? {}, person.pre);
      if (person.post !== null) {
        await progressRow(app, user, assessment, { score: person.post, passed: person.post >= 80 });
        await submittedAttempt(app, user, assessment, 'post', {}, person.post);
      }
      if (person.completed)
        await updateEnrolment(app, enrolment, { completedAt: new Date(), preTestScore: person.pre, postTestScore: person.post });
    }
    // The assessment file as written, so the analysis can point at each question's line.
    const source = [
      '---',
      'title: Evaluación',
      '---',
      '',
      '::: quiz',
      '',
      '### pt-q1 (single)',
      'P1',
      '- [x] a',
      '- [ ] b',
      '- [ ] c',
      '',
      '### pt-q2 (multiple)',
      'P2',
      '- [x] a',
      '- [x] b',
      '- [ ] c',
      '- [ ] d',
      '',
      '### pt-q3 (vf)',
      'P3',
      '- [ ] a',
      '- [x] b',
      '',
      '### pt-q4 (single)',
      'P4',
      '- [ ] a',
      '- [ ] b',
      '- [x] c',
      ':::',
      '',
    ].join('\n');
    await app.get(DataSource).getRepository(ModuleVersion).update({ moduleId: assessment.id, language: 'es' }, { sourceText: source });
    coordinator = await signedInAgent(app, await createUser(app, { role: 'coordinator' }));
    const facilitatorUser = await createUser(app, { role: 'facilitator' });
    await assignFacilitator(app, cohort, facilitatorUser);
    facilitator = await signedInAgent(app, facilitatorUser);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('downloads the summary table with the known figures and withholds percentages and averages of small groups', async () => {
    const csv = await downloadCsv(coordinator, `/reports/summary.csv?cohort=${cohort.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = csv.rows;
    expect(header).toEqual([
      'Desglose',
      'Grupo',
      'Inscritas/os',
      'Finalizaron',
      '% que finalizó',
      'Certificadas/os',
      '% certificado',
      'Promedio prueba inicial',
      'Promedio prueba final',
      'Con ambas pruebas',
      'Ganancia media (puntos)',
      '% que mejoró',
    ]);
    const line = (breakdown: string, group: string) => rows.find((row) => row[0] === breakdown && row[1] === group)!.slice(2);
    // Pre-test 275/7, post-test 425/5, gains 50 50 0 25 100 -> 45, improved 4 of 5.
    expect(line('Todas las personas', 'Todas las personas')).toEqual(['8', '5', '62.5', '0', '0', '39.3', '85', '5', '45', '80']);
    // Six women: four post-tests and four pairs are too few for an average.
    expect(line('Por sexo', 'Mujer')).toEqual(['6', '4', '66.7', '0', '0', '45', '', '4', '', '']);
    expect(line('Por sexo', 'Hombre')).toEqual(['2', '1', '', '0', '', '', '', '1', '', '']);
    expect(line('Por institución', 'Dirección General de Migración y Extranjería (DGME)')[0]).toBe('2');
    expect(line('Por cohorte', 'Resumen 2026').slice(0, 3)).toEqual(['8', '5', '62.5']);
    const xlsx = await downloadXlsx(coordinator, `/reports/summary.xlsx?cohort=${cohort.id}`);
    expect(xlsx.sheet!.getRow(2).getCell(3).value).toBe(8);
    expect(xlsx.sheet!.getRow(2).getCell(5).value).toBe(62.5);
  });

  it('shows the summary page with accessible SVG charts, each with its data table', async () => {
    const page = await coordinator.get(`/reports?cohort=${cohort.id}&run=1`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('8 inscripciones coinciden con el filtro.');
    for (const id of ['chart-completion', 'chart-sex', 'chart-institution', 'chart-scores']) {
      expect(page.text).toMatch(new RegExp(`<svg [^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`));
      expect(page.text).toContain(`<title id="${id}-title">`);
    }
    expect(page.text).toContain('5/8 (62,5 %)');
    expect(page.text).toContain(`${formatNumber(62.5, 'es')} %`);
    expect(page.text).toContain('grupo pequeño');
    expect(page.text).not.toMatch(/<script/);
    const facilitatorPage = await facilitator.get(`/reports?cohort=${cohort.id}&run=1`);
    expect(facilitatorPage.status).toBe(200);
    expect(facilitatorPage.text).toContain('8 inscripciones');
  });

  it('analyses the pre-test question by question: answered, share correct, discrimination, options and flags', async () => {
    const page = await facilitator.get(`/reports/questions?course=${built.course.id}&cohort=${cohort.id}`);
    expect(page.status).toBe(200);
    const pre = page.text.slice(page.text.indexOf('prueba inicial'));
    expect(pre).toContain('7 personas respondieron');
    const row = (id: string) => {
      const start = pre.indexOf(`${id}<`) >= 0 ? pre.indexOf(`${id}<`) : pre.indexOf(`${id} `);
      return pre.slice(start, pre.indexOf('</tr>', start));
    };
    // pt-q1: 5 of 7 right, top two right, bottom two wrong.
    expect(row('pt-q1')).toMatch(/<td>7<\/td>\s*<td>71 %<\/td>\s*<td>1<\/td>/);
    // pt-q2 (multiple): 5 answered, 2 right; no option counts.
    expect(row('pt-q2')).toMatch(/<td>5<\/td>\s*<td>40 %<\/td>\s*<td>1<\/td>/);
    // pt-q4: the weaker learners get it right more often: flagged, linked to its file and line.
    expect(row('pt-q4')).toMatch(/<td>7<\/td>\s*<td>29 %<\/td>\s*<td>-0.5<\/td>/);
    expect(row('pt-q4')).toContain('Quienes van mejor fallan más');
    expect(row('pt-q4')).toContain('assessment.es.md, línea 25');
    expect(row('pt-q4')).toMatch(/: 4<\/li>.*: 1<\/li>.*✓: 2<\/li>/s);
    expect(pre).toContain(`/authoring/courses/${built.course.slug}/files/assessment.es.md`);
  });

  it('answers 404 for a course or cohort outside the scope', async () => {
    const other = await createCourse(testApp.app);
    await createCohort(testApp.app, other.course);
    expect((await facilitator.get(`/reports/questions?course=${other.course.id}`)).status).toBe(404);
    expect((await coordinator.get(`/reports/questions?course=${other.course.id}`)).status).toBe(200);
  });
});
