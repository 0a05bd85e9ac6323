import {
  checkCompletion,
  CompletionFacts,
  isModuleDone,
  isPostTestOpen,
  knowledgeGain,
  ModuleState,
  nextStep,
  progressSteps,
  shownProgress,
} from './completion-rule';

const lesson = (key: string, state: Partial<ModuleState> = {}): ModuleState => ({
  key,
  hasQuiz: true,
  completed: false,
  quizPassed: false,
  ...state,
});
const everything = { modules: true, quizzes: true, postTest: true };
const facts = (overrides: Partial<CompletionFacts> = {}): CompletionFacts => ({
  rule: everything,
  modules: [lesson('01-a'), lesson('02-b', { hasQuiz: false })],
  hasPostTest: true,
  postTest: { taken: false, passed: false },
  ...overrides,
});
const finished = [lesson('01-a', { completed: true, quizPassed: true }), lesson('02-b', { hasQuiz: false, completed: true })];

describe('checkCompletion', () => {
  it('is not complete at the start', () => {
    expect(checkCompletion(facts())).toEqual({ complete: false, modulesDone: false, quizzesDone: false, postTestDone: false });
  });

  it('is complete when modules are marked, quizzes passed and the post-test reaches the pass mark', () => {
    expect(checkCompletion(facts({ modules: finished, postTest: { taken: true, passed: true } })).complete).toBe(true);
    expect(checkCompletion(facts({ modules: finished, postTest: { taken: true, passed: false } }))).toMatchObject({
      complete: false,
      postTestDone: false,
    });
  });

  it('requires each part only when the course switches it on', () => {
    const unmarked = [lesson('01-a', { quizPassed: true }), lesson('02-b', { hasQuiz: false })];
    expect(checkCompletion(facts({ rule: { modules: false, quizzes: true, postTest: false }, modules: unmarked })).complete).toBe(true);
    expect(checkCompletion(facts({ rule: { modules: true, quizzes: false, postTest: false }, modules: unmarked })).complete).toBe(false);
    const markedNoQuiz = [lesson('01-a', { completed: true }), lesson('02-b', { hasQuiz: false, completed: true })];
    expect(checkCompletion(facts({ rule: { modules: true, quizzes: false, postTest: false }, modules: markedNoQuiz })).complete).toBe(true);
    expect(
      checkCompletion(
        facts({
          rule: { modules: false, quizzes: false, postTest: true },
          modules: [lesson('01-a')],
          postTest: { taken: true, passed: true },
        }),
      ).complete,
    ).toBe(true);
  });

  it('does not require a post-test the course does not offer', () => {
    expect(checkCompletion(facts({ hasPostTest: false, modules: finished })).complete).toBe(true);
  });

  it('falls back to "modules completed" when the rule asks for nothing', () => {
    const none = { modules: false, quizzes: false, postTest: false };
    expect(checkCompletion(facts({ rule: none, hasPostTest: false })).complete).toBe(false);
    expect(checkCompletion(facts({ rule: none, hasPostTest: false, modules: finished })).complete).toBe(true);
  });
});

describe('module steps', () => {
  it('counts a module as done when it asks nothing more of the learner', () => {
    expect(isModuleDone(lesson('x', { completed: true }), everything)).toBe(false);
    expect(isModuleDone(lesson('x', { completed: true, quizPassed: true }), everything)).toBe(true);
    expect(isModuleDone(lesson('x', { hasQuiz: false, completed: true }), everything)).toBe(true);
    expect(isModuleDone(lesson('x', { quizPassed: true }), { modules: false, quizzes: true, postTest: false })).toBe(true);
  });

  it('opens the post-test once every module is done', () => {
    expect(isPostTestOpen(facts())).toBe(false);
    expect(isPostTestOpen(facts({ modules: finished }))).toBe(true);
    expect(isPostTestOpen(facts({ modules: finished, hasPostTest: false }))).toBe(false);
  });

  it('measures progress in the steps the rule asks for', () => {
    expect(progressSteps(facts())).toEqual({ done: 0, total: 4, percent: 0 });
    expect(progressSteps(facts({ modules: [lesson('01-a', { completed: true }), lesson('02-b', { hasQuiz: false })] }))).toEqual({
      done: 1,
      total: 4,
      percent: 25,
    });
    expect(progressSteps(facts({ modules: finished, postTest: { taken: true, passed: true } }))).toEqual({
      done: 4,
      total: 4,
      percent: 100,
    });
  });

  it('leads "continue" to the first unfinished module, then to the post-test, then nowhere', () => {
    expect(nextStep(facts())).toEqual({ kind: 'module', key: '01-a' });
    expect(nextStep(facts({ modules: [finished[0], lesson('02-b', { hasQuiz: false })] }))).toEqual({ kind: 'module', key: '02-b' });
    expect(nextStep(facts({ modules: finished }))).toEqual({ kind: 'postTest' });
    expect(nextStep(facts({ modules: finished, postTest: { taken: true, passed: false } }))).toEqual({ kind: 'postTest' });
    expect(nextStep(facts({ modules: finished, postTest: { taken: true, passed: true } }))).toEqual({ kind: 'done' });
  });

  it('resumes at the module last acted on, moving forward from it before going back', () => {
    const three = [
      lesson('01-a', { completed: true, quizPassed: true }),
      lesson('02-b'),
      lesson('03-c', { completed: true, quizPassed: true }),
      lesson('04-d'),
    ];
    expect(nextStep(facts({ modules: three, lastModuleKey: '02-b' }))).toEqual({ kind: 'module', key: '02-b' });
    expect(nextStep(facts({ modules: three, lastModuleKey: '03-c' }))).toEqual({ kind: 'module', key: '04-d' });
    const lastDone = three.map((module) => (module.key === '04-d' ? { ...module, completed: true, quizPassed: true } : module));
    expect(nextStep(facts({ modules: lastDone, lastModuleKey: '04-d' }))).toEqual({ kind: 'module', key: '02-b' });
    expect(nextStep(facts({ modules: three, lastModuleKey: 'removed-module' }))).toEqual({ kind: 'module', key: '02-b' });
  });

  it('suggests an optional post-test once, then is done whatever the score', () => {
    const optional = { modules: true, quizzes: true, postTest: false };
    expect(nextStep(facts({ rule: optional, modules: finished }))).toEqual({ kind: 'postTest' });
    expect(nextStep(facts({ rule: optional, modules: finished, postTest: { taken: true, passed: false } }))).toEqual({ kind: 'done' });
  });
});

describe('knowledgeGain', () => {
  it('is the difference in percentage points once both scores exist', () => {
    expect(knowledgeGain(40, 85)).toBe(45);
    expect(knowledgeGain(90, 80)).toBe(-10);
    expect(knowledgeGain(null, 80)).toBeNull();
  });
});

describe('the pre-test comes first', () => {
  it('leads "start" to the pre-test while it is open, then to the modules', () => {
    expect(nextStep(facts({ preTestAvailable: true }))).toEqual({ kind: 'preTest' });
    expect(nextStep(facts({ preTestAvailable: false }))).toEqual({ kind: 'module', key: '01-a' });
  });
});

describe('shownProgress: completion stands', () => {
  it('reads 100 % once completed, and counts what was added later as new, not as missing', () => {
    expect(shownProgress({ done: 7, total: 9, percent: 77 }, true)).toEqual({ done: 9, total: 9, percent: 100, newSinceCompletion: 2 });
    expect(shownProgress({ done: 7, total: 9, percent: 77 }, false)).toEqual({ done: 7, total: 9, percent: 77, newSinceCompletion: 0 });
  });
});
