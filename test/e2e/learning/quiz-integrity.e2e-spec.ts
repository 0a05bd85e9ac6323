import { DataSource } from 'typeorm';
import { Clock } from '../../../src/common/clock';
import { ModuleProgress } from '../../../src/progress/module-progress.entity';
import { QuizAttempt } from '../../../src/quizzes/entities/quiz-attempt.entity';
import { CourseSpec, enrolledCourse, standardQuestions } from '../../utils/course-factories';
import { createUser, signedInAgent } from '../../utils/factories';
import { createTestApp, TestApp } from '../../utils/test-app';
import { answerPairs, attemptsOf, postPairs, startAttempt, takeQuiz } from './quiz-helpers';

describe('quizzes: grading on the server, no leaks, one result per attempt', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** A fresh learner enrolled in a fresh course; `quiz` is the first module's quiz. */
  async function setup(spec: CourseSpec = {}) {
    const user = await createUser(testApp.app);
    const agent = await signedInAgent(testApp.app, user);
    const built = await enrolledCourse(testApp.app, user, spec);
    const module = built.modules[0];
    const base = `/courses/${built.course.slug}/modules/${module.key}/quiz`;
    const specs = built.questions[module.key];
    return { user, agent, built, module, base, specs };
  }
  const reload = (id: number) => testApp.app.get(DataSource).getRepository(QuizAttempt).findOneByOrFail({ id });
  const progressOf = (userId: number, moduleId: number) =>
    testApp.app.get(DataSource).getRepository(ModuleProgress).findOneBy({ userId, moduleId });

  function expectNoAnswers(html: string) {
    expect(html).not.toMatch(/FEEDBACK-|EXPLANATION-/);
    expect(html).not.toMatch(/<[^>]*\b(correct|right|data-[\w-]+)\b[^>]*>/i);
    expect(html).not.toContain('<!--');
    // Every option's value is its display letter in order: a, b, c... nothing else travels with it.
    const byQuestion = new Map<string, string[]>();
    for (const match of html.matchAll(/name="(answers\[[^\]]+\])" value="([^"]*)"/g))
      byQuestion.set(match[1], [...(byQuestion.get(match[1]) ?? []), match[2]]);
    expect(byQuestion.size).toBeGreaterThan(0);
    for (const values of byQuestion.values()) expect(values).toEqual('abcdefgh'.slice(0, values.length).split(''));
  }

  it('never puts right answers, feedback or explanations in the quiz page, in Spanish or English', async () => {
    const { user, agent, base, module } = await setup();
    await startAttempt(testApp.app, agent, base, user.id, module.id);
    const spanish = await agent.get(base);
    expect(spanish.text).toContain('[es] Prompt m1-q1');
    expectNoAnswers(spanish.text);
    await postPairs(agent, base, '/language', [
      ['lang', 'en'],
      ['next', base],
    ]);
    const english = await agent.get(base);
    expect(english.text).toContain('[en] Prompt m1-q1');
    expectNoAnswers(english.text);
    const modulePage = await agent.get(base.replace(/\/quiz$/, ''));
    expect(modulePage.text).not.toMatch(/FEEDBACK-|EXPLANATION-/);
  });

  it('keeps the order of questions and options on every reload of an attempt', async () => {
    const { user, agent, base, module } = await setup();
    const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
    const order = (html: string) => [...html.matchAll(/\[es\] (?:Prompt|Option) ([\w-]+)/g)].map((match) => match[1]);
    const first = order((await agent.get(base)).text);
    expect(order((await agent.get(base)).text)).toEqual(first);
    const expected = attempt.layout.flatMap((entry) => [entry.questionId, ...entry.optionIds.map((id) => `${entry.questionId}-${id}`)]);
    expect(first).toEqual(expected);
  });

  it.each([
    ['an unknown question', (pairs: [string, string][]) => [...pairs, ['answers[q-nope]', 'a']], 'no es parte de este intento'],
    [
      'an unknown option',
      (pairs: [string, string][]) => pairs.map(([name, value], index) => [name, index === 0 ? 'z' : value]),
      'opción que no existe',
    ],
    [
      'two answers to a single-answer question',
      (pairs: [string, string][]) => [
        ...pairs,
        [pairs.find(([name]) => name.includes('m1-q1'))![0], 'a'],
        [pairs.find(([name]) => name.includes('m1-q1'))![0], 'b'],
      ],
      'admite una sola respuesta',
    ],
    ['a repeated option', (pairs: [string, string][]) => [...pairs, pairs.find(([name]) => name.includes('m1-q2'))!], 'opción repetida'],
    [
      'a nested value',
      (pairs: [string, string][]) => [...pairs.filter(([name]) => !name.includes('m1-q3')), ['answers[q-m1-q3][x]', 'a']],
      'no es válida',
    ],
    ['answers that are not a list of questions', () => [['answers', 'a']], 'formato esperado'],
  ] as [string, (pairs: [string, string][]) => [string, string][], string][])(
    'refuses %s with a clear message and records nothing',
    async (_label, tamper, message) => {
      const { user, agent, base, module, specs } = await setup();
      const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
      const response = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, tamper(answerPairs(attempt, specs, 'right')));
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(response.text).toContain('No se registró nada');
      expect(await reload(attempt.id)).toMatchObject({ status: 'open', score: null, submittedAt: null });
      // The learner can still submit properly, and that is the one result recorded.
      const valid = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, answerPairs(attempt, specs, 'right'));
      expect(valid.status).toBe(303);
      expect(await reload(attempt.id)).toMatchObject({ status: 'submitted', score: 100, passed: true });
      expect(await attemptsOf(testApp.app, user.id, module.id)).toHaveLength(1);
    },
  );

  it('refuses fields the quiz form never sends', async () => {
    const { user, agent, base, module, specs } = await setup();
    const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
    const response = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, [
      ...answerPairs(attempt, specs, 'wrong'),
      ['score', '100'],
    ]);
    expect(response.status).toBe(422);
    expect(response.text).toContain('No se registró nada');
    expect((await reload(attempt.id)).status).toBe('open');
  });

  it('asks before grading unanswered questions, then counts them as wrong once confirmed', async () => {
    const { user, agent, base, module, specs } = await setup();
    const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
    const pairs = answerPairs(attempt, specs, { 'm1-q3': 'skip' });
    const asked = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, pairs);
    expect(asked.status).toBe(422);
    expect(asked.text).toMatch(/Falta responder la pregunta \d/);
    expect(asked.text).toContain('name="confirmIncomplete"');
    expect(asked.text.match(/ checked>/g)).toHaveLength(pairs.length); // the learner's choices come back ticked
    expect((await reload(attempt.id)).status).toBe('open');
    const confirmed = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, [...pairs, ['confirmIncomplete', '1']]);
    expect(confirmed.status).toBe(303);
    expect(await reload(attempt.id)).toMatchObject({ status: 'submitted', correctCount: 2, score: 66.67, passed: false });
    const result = await agent.get(confirmed.headers.location);
    expect(result.text).toContain('Sin responder');
  });

  it('records a replayed submission once and keeps the first result', async () => {
    const { user, agent, base, module, specs } = await setup();
    const { attempt, response } = await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    expect(response.status).toBe(303);
    const replay = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, answerPairs(attempt, specs, 'right'));
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe(`${base}/attempts/${attempt.id}`);
    expect((await agent.get(replay.headers.location)).text).toContain('Este intento ya se había enviado');
    expect(await reload(attempt.id)).toMatchObject({ score: 0, passed: false });
    expect(await progressOf(user.id, module.id)).toMatchObject({ quizScore: 0, quizPassed: false });
  });

  it('records exactly one result when the same attempt is submitted twice at once', async () => {
    const { user, agent, base, module, specs } = await setup();
    const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
    const token = (await agent.get(base)).text.match(/name="_csrf" value="([^"]+)"/)![1];
    const body = (choice: 'right' | 'wrong') => new URLSearchParams([...answerPairs(attempt, specs, choice), ['_csrf', token]]).toString();
    const responses = await Promise.all([
      agent.post(`${base}/attempts/${attempt.id}`).type('form').send(body('right')),
      agent.post(`${base}/attempts/${attempt.id}`).type('form').send(body('wrong')),
    ]);
    expect(responses.map((response) => response.status)).toEqual([303, 303]);
    const stored = await attemptsOf(testApp.app, user.id, module.id);
    expect(stored).toHaveLength(1);
    expect(stored[0].status).toBe('submitted');
    expect([0, 100]).toContain(stored[0].score);
    expect((await progressOf(user.id, module.id))?.quizScore).toBe(stored[0].score);
  });

  it('records exactly one result when two app instances receive the same attempt', async () => {
    const { user, agent, base, module, specs } = await setup();
    const other = await testApp.anotherInstance();
    try {
      const secondTab = await signedInAgent(other.app, user);
      const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
      const [tokenA, tokenB] = await Promise.all([agent.get(base), secondTab.get(base)]).then((pages) =>
        pages.map((page) => page.text.match(/name="_csrf" value="([^"]+)"/)![1]),
      );
      const pairs = answerPairs(attempt, specs, 'right');
      const responses = await Promise.all([
        agent
          .post(`${base}/attempts/${attempt.id}`)
          .type('form')
          .send(new URLSearchParams([...pairs, ['_csrf', tokenA]]).toString()),
        secondTab
          .post(`${base}/attempts/${attempt.id}`)
          .type('form')
          .send(new URLSearchParams([...pairs, ['_csrf', tokenB]]).toString()),
      ]);
      expect(responses.map((response) => response.status)).toEqual([303, 303]);
      const flashes = await Promise.all([agent.get(responses[0].headers.location), secondTab.get(responses[1].headers.location)]);
      expect(flashes.filter((page) => page.text.includes('Este intento ya se había enviado'))).toHaveLength(1);
      expect(await attemptsOf(testApp.app, user.id, module.id)).toEqual([expect.objectContaining({ status: 'submitted', score: 100 })]);
    } finally {
      await other.close();
    }
  });

  it('starts a single attempt when "start" is pressed twice at once', async () => {
    const { user, agent, base, module } = await setup();
    const token = (await agent.get(base)).text.match(/name="_csrf" value="([^"]+)"/)![1];
    const start = () => agent.post(`${base}/start`).type('form').send(`_csrf=${token}`);
    expect((await Promise.all([start(), start(), start()])).map((response) => response.status)).toEqual([303, 303, 303]);
    expect(await attemptsOf(testApp.app, user.id, module.id)).toHaveLength(1);
  });

  it('stops at the maximum number of attempts', async () => {
    const { user, agent, base, module, specs } = await setup({ quiz: { maxAttempts: 2 } });
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    const refused = await postPairs(agent, base, `${base}/start`, []);
    const page = await agent.get(refused.headers.location);
    expect(page.text).toContain('Ya usó todos los intentos de este cuestionario');
    expect(page.text).not.toContain(`action="${base}/start"`);
    expect(await attemptsOf(testApp.app, user.id, module.id)).toHaveLength(2);
  });

  it('grades across attempts by the highest score', async () => {
    const { user, agent, base, module, specs } = await setup({ quiz: { grading: 'highest' } });
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'right');
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    expect(await progressOf(user.id, module.id)).toMatchObject({ quizScore: 100, quizPassed: true });
  });

  it('grades across attempts by the last attempt', async () => {
    const { user, agent, base, module, specs } = await setup({ quiz: { grading: 'last' } });
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'right');
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    expect(await progressOf(user.id, module.id)).toMatchObject({ quizScore: 0, quizPassed: false });
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, { 'm1-q2': 'wrong' });
    expect(await progressOf(user.id, module.id)).toMatchObject({ quizScore: 66.67, quizPassed: false });
  });

  describe('time limits on the server clock', () => {
    let now: number;
    beforeEach(() => {
      now = Date.now();
      jest.spyOn(testApp.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    });

    it('grades a submission within the limit normally, whatever the browser says', async () => {
      const { user, agent, base, module, specs } = await setup({ quiz: { timeLimitMinutes: 10 } });
      const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
      expect(attempt.deadlineAt?.getTime()).toBe(attempt.startedAt.getTime() + 10 * 60_000);
      now += 9 * 60_000;
      expect((await agent.get(base)).text).toContain('Le queda 1 minuto');
      await postPairs(agent, base, `${base}/attempts/${attempt.id}`, answerPairs(attempt, specs, 'right'));
      expect(await reload(attempt.id)).toMatchObject({ late: false, score: 100, passed: true });
    });

    it('records a late submission as late and 0%', async () => {
      const { user, agent, base, module, specs } = await setup({ quiz: { timeLimitMinutes: 10 } });
      const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
      now += 12 * 60_000;
      expect((await agent.get(base)).text).toContain('Se acabó el tiempo');
      const response = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, answerPairs(attempt, specs, 'right'));
      expect(await reload(attempt.id)).toMatchObject({ status: 'submitted', late: true, correctCount: 3, score: 0, passed: false });
      expect((await agent.get(response.headers.location)).text).toContain('quedó registrado como tardío y cuenta 0\u00a0%');
    });

    it('closes an expired open attempt as late when a new one starts', async () => {
      const { user, agent, base, module } = await setup({ quiz: { timeLimitMinutes: 5 } });
      const first = await startAttempt(testApp.app, agent, base, user.id, module.id);
      now += 30 * 60_000;
      const second = await startAttempt(testApp.app, agent, base, user.id, module.id);
      expect(second.id).not.toBe(first.id);
      expect(await reload(first.id)).toMatchObject({ status: 'submitted', late: true, score: 0 });
      expect(second).toMatchObject({ status: 'open', attemptNumber: 2 });
    });
  });

  it('grades an attempt started in Spanish after the learner switches to English', async () => {
    const { user, agent, base, module, specs } = await setup();
    const attempt = await startAttempt(testApp.app, agent, base, user.id, module.id);
    expect(attempt.language).toBe('es');
    await postPairs(agent, base, '/language', [
      ['lang', 'en'],
      ['next', base],
    ]);
    expect((await agent.get(base)).text).toContain('[en] Prompt m1-q1');
    const response = await postPairs(agent, base, `${base}/attempts/${attempt.id}`, answerPairs(attempt, specs, 'right'));
    expect(await reload(attempt.id)).toMatchObject({ score: 100, passed: true });
    const result = await agent.get(response.headers.location);
    expect(result.text).toContain('[en] Prompt m1-q1');
    expect(result.text).toContain('Correct answer');
  });

  it('shows answers after submission only when the quiz allows it', async () => {
    const { user, agent, base, module, specs } = await setup({ quiz: { showAnswers: false } });
    const { response } = await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    const result = await agent.get(response.headers.location);
    expect(result.text).toContain('Incorrecta');
    expect(result.text).not.toMatch(/FEEDBACK-|EXPLANATION-|Respuesta correcta/);
    expect(result.text).toContain('Las respuestas correctas no se muestran');
  });

  it('uses module-specific settings over the course defaults', async () => {
    const { user, agent, base, module, specs } = await setup({
      modules: [{ key: '01-corto', questions: standardQuestions('m1'), quiz: { maxAttempts: 1 } }],
    });
    await takeQuiz(testApp.app, agent, base, user.id, module.id, specs, 'wrong');
    const page = await agent.get(base);
    expect(page.text).toContain('Intentos permitidos: 1');
    expect(page.text).toContain('Ya usó todos los intentos');
  });
});
