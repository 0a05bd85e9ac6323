import type { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import { ROSTER_COLUMNS } from '../../../src/reports/roster/roster-row';
import type { User } from '../../../src/users/user.entity';
import { assignFacilitator, BuiltCourse, createCohort, createCourse, enrol } from '../../utils/course-factories';
import { createUser, DEFAULT_PASSWORD, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { postPairs, takeQuiz } from '../learning/quiz-helpers';
import { downloadCsv, learner } from './report-fixtures';

const col = (key: string) => ROSTER_COLUMNS.findIndex((column) => column.key === key);

/**
 * One definition of progress: for every learner of a cohort who learned through the real pages,
 * the roster row, the learner's own "My courses" and the facilitator's learner list show the same figures.
 */
describe('roster, My courses and the staff list agree', () => {
  let testApp: TestApp;
  let built: BuiltCourse;
  let cohort: Cohort;
  let facilitator: Agent;
  const agents = new Map<User, Agent>();

  beforeAll(async () => {
    testApp = await createTestApp();
    const app = testApp.app;
    built = await createCourse(app);
    cohort = await createCohort(app, built.course, { name: 'Acuerdo 2026' });
    const facilitatorUser = await createUser(app, { role: 'facilitator' });
    await assignFacilitator(app, cohort, facilitatorUser);
    facilitator = await signedInAgent(app, facilitatorUser);
    const slug = built.course.slug;
    const [m1, m2] = built.modules;
    const modulePath = (key: string) => `/courses/${slug}/modules/${key}`;
    const people = [
      await learner(app, { name: 'Acuerdo Completa' }),
      await learner(app, { name: 'Acuerdo Mitad' }),
      await learner(app, { name: 'Acuerdo Quiz' }),
      await learner(app, { name: 'Acuerdo Nada' }),
    ];
    for (const person of people) {
      await enrol(app, person, built.course, cohort);
      agents.set(person, await signedInAgent(app, person, DEFAULT_PASSWORD));
    }
    const [complete, half, quizOnly] = people;
    // Complete: pre-test half right, both modules with their quizzes, post-test right.
    let agent = agents.get(complete)!;
    await takeQuiz(
      app,
      agent,
      `/courses/${slug}/pre-test`,
      complete.id,
      built.assessment!.id,
      built.questions.assessment,
      { 'pt-q1': 'right', 'pt-q2': 'right', 'pt-q3': 'wrong', 'pt-q4': 'wrong' },
      'pre',
    );
    for (const module of [m1, m2]) {
      await takeQuiz(app, agent, `${modulePath(module.key)}/quiz`, complete.id, module.id, built.questions[module.key], 'right');
      await postPairs(agent, modulePath(module.key), `${modulePath(module.key)}/complete`, []);
    }
    await takeQuiz(
      app,
      agent,
      `/courses/${slug}/post-test`,
      complete.id,
      built.assessment!.id,
      built.questions.assessment,
      'right',
      'post',
    );
    // Half: module 1 marked, its quiz failed (the case "module done" used to be counted two ways).
    agent = agents.get(half)!;
    await postPairs(agent, modulePath(m1.key), `${modulePath(m1.key)}/complete`, []);
    await takeQuiz(app, agent, `${modulePath(m1.key)}/quiz`, half.id, m1.id, built.questions[m1.key], 'wrong');
    // Quizzes only: both quizzes passed, no module marked.
    agent = agents.get(quizOnly)!;
    for (const module of [m1, m2])
      await takeQuiz(app, agent, `${modulePath(module.key)}/quiz`, quizOnly.id, module.id, built.questions[module.key], 'right');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('shows each learner the same progress, modules, quiz average, scores and completion in all three places', async () => {
    const roster = await downloadCsv(facilitator, `/reports/roster.csv?cohort=${cohort.id}`);
    const staff = await facilitator.get(`/cohorts/${cohort.id}/learners`);
    expect(roster.rows).toHaveLength(agents.size + 1);
    const percents = new Set<string>();
    for (const [person, agent] of agents) {
      const row = roster.rows.find((line) => line[col('email')] === person.email)!;
      const card = staff.text.slice(staff.text.indexOf(`<strong>${person.name}</strong>`));
      const facts = card.slice(0, card.indexOf('</dl>'));
      const dd = (label: string) =>
        facts
          .slice(facts.indexOf(`<dt>${label}</dt>`))
          .match(/<dd[^>]*>([\s\S]*?)<\/dd>/)![1]
          .replace(/\u00a0/g, ' ')
          .trim();
      const mine = await agent.get('/my/courses');
      const myPercent = mine.text.match(/<progress max="100" value="(\d+)"/)![1];
      percents.add(myPercent);

      expect({ who: person.name, percent: row[col('progressPercent')] }).toEqual({ who: person.name, percent: myPercent });
      expect(dd('Avance')).toBe(`${row[col('progressPercent')]} %`);
      expect(dd('Módulos')).toMatch(new RegExp(`^${row[col('modulesDone')]} de 2 `));
      const average = row[col('quizAverage')];
      expect(dd('Cuestionarios')).toContain(average === '' ? 'ninguno todavía' : `promedio ${average} %`);
      const [pre, post] = dd('Prueba inicial / final').split(' / ');
      // The staff list writes scores as percentages in the reader's language ("50 %"), the roster as numbers.
      const asNumber = (shown: string) => (shown === '–' ? '' : shown.replace(/\s*%$/, '').replace(',', '.'));
      expect(asNumber(pre)).toBe(row[col('preTestScore')]);
      expect(asNumber(post)).toBe(row[col('postTestScore')]);
      const completed = row[col('completedAt')] !== '';
      expect(dd('Curso completado') !== 'todavía no').toBe(completed);
      expect(mine.text.includes('Completado el')).toBe(completed);
    }
    // The four learners are at different points, so the comparison is not trivially equal.
    expect(percents.size).toBe(4);
    const complete = roster.rows.find((line) => line[col('name')] === 'Acuerdo Completa')!;
    expect(complete.slice(col('progressPercent'), col('completedAt'))).toEqual(['100', '2', '100', '50', '100', '50']);
  });
});
