import type { CompletionRule } from '../content/entities/course.entity';

/** What the rules need to know about one lesson module for one learner. */
export interface ModuleState {
  key: string;
  hasQuiz: boolean;
  /** Marked as complete by the learner. */
  completed: boolean;
  /** The module quiz's grade across attempts is a pass. */
  quizPassed: boolean;
}

export interface CompletionFacts {
  rule: CompletionRule;
  modules: ModuleState[];
  hasPostTest: boolean;
  /** The post-test's grade across attempts: taken at all, and at or above the pass mark. */
  postTest: { taken: boolean; passed: boolean };
  /** The module the learner last acted on (marked, started a quiz), to resume from. */
  lastModuleKey?: string | null;
  /** The pre-test is still open (offered, not taken, no module started): "start" leads there first. */
  preTestAvailable?: boolean;
}

export interface CompletionCheck {
  complete: boolean;
  modulesDone: boolean;
  quizzesDone: boolean;
  postTestDone: boolean;
}

/**
 * The parts that count. A course whose rule switches everything off (the
 * content checker refuses that) falls back to "modules completed", so no
 * course is complete before it is started. A required post-test the course
 * does not offer cannot be taken, so it is not required.
 */
export function effectiveRule(rule: CompletionRule, hasPostTest: boolean): CompletionRule {
  const effective = { modules: !!rule.modules, quizzes: !!rule.quizzes, postTest: !!rule.postTest && hasPostTest };
  return effective.modules || effective.quizzes || effective.postTest ? effective : { modules: true, quizzes: false, postTest: false };
}

/** Whether one module asks nothing more of the learner under the rule. */
export function isModuleDone(module: ModuleState, rule: CompletionRule): boolean {
  return (!rule.modules || module.completed) && (!rule.quizzes || !module.hasQuiz || module.quizPassed);
}

/** The post-test opens once every module is done. */
export function isPostTestOpen(facts: CompletionFacts): boolean {
  const rule = effectiveRule(facts.rule, facts.hasPostTest);
  return facts.hasPostTest && facts.modules.every((module) => isModuleDone(module, rule));
}

/** The completion rule: every switched-on part must be met. */
export function checkCompletion(facts: CompletionFacts): CompletionCheck {
  const rule = effectiveRule(facts.rule, facts.hasPostTest);
  const modulesDone = !rule.modules || facts.modules.every((module) => module.completed);
  const quizzesDone = !rule.quizzes || facts.modules.every((module) => !module.hasQuiz || module.quizPassed);
  const postTestDone = !rule.postTest || facts.postTest.passed;
  return { complete: modulesDone && quizzesDone && postTestDone, modulesDone, quizzesDone, postTestDone };
}

export interface ProgressSteps {
  done: number;
  total: number;
  percent: number;
}

/** Progress counted in the steps the rule asks for: module marks, quiz passes, the post-test. */
export function progressSteps(facts: CompletionFacts): ProgressSteps {
  const rule = effectiveRule(facts.rule, facts.hasPostTest);
  let done = 0;
  let total = 0;
  for (const module of facts.modules) {
    if (rule.modules) {
      total += 1;
      if (module.completed) done += 1;
    }
    if (rule.quizzes && module.hasQuiz) {
      total += 1;
      if (module.quizPassed) done += 1;
    }
  }
  if (rule.postTest) {
    total += 1;
    if (checkCompletion(facts).postTestDone) done += 1;
  }
  const percent = total > 0 ? Math.floor((done * 100) / total) : checkCompletion(facts).complete ? 100 : 0;
  return { done, total, percent };
}

export type NextStep = { kind: 'preTest' } | { kind: 'module'; key: string } | { kind: 'postTest' } | { kind: 'done' };

/**
 * Where "start" and "continue" lead: the pre-test while it is open (it is a
 * baseline, so it comes before any module); then the module the learner last
 * acted on if it still asks something, else the next one after it that does,
 * else the first unfinished module anywhere; then the post-test.
 */
export function nextStep(facts: CompletionFacts): NextStep {
  if (facts.preTestAvailable) return { kind: 'preTest' };
  const rule = effectiveRule(facts.rule, facts.hasPostTest);
  const last = facts.lastModuleKey ? facts.modules.findIndex((module) => module.key === facts.lastModuleKey) : -1;
  const pending =
    facts.modules.find((module, index) => index >= last && last >= 0 && !isModuleDone(module, rule)) ??
    facts.modules.find((module) => !isModuleDone(module, rule));
  if (pending) return { kind: 'module', key: pending.key };
  if (facts.hasPostTest) {
    // A post-test the rule does not require is still suggested once, for the learner's own before/after.
    if (!facts.postTest.passed && (rule.postTest || !facts.postTest.taken)) return { kind: 'postTest' };
  }
  return { kind: 'done' };
}

/**
 * Knowledge gain in percentage points (null until both exist). Pass the FIRST
 * post-test attempt's score: later attempts repeat questions already seen and
 * measure memory of the key, not learning (content/README.md, "Post-test rule").
 */
export function knowledgeGain(preTestScore: number | null, postTestScore: number | null): number | null {
  return preTestScore === null || postTestScore === null ? null : Math.round((postTestScore - preTestScore) * 100) / 100;
}

export interface ShownProgress extends ProgressSteps {
  /** Steps added to the course after the learner completed it (content added later). */
  newSinceCompletion: number;
}

/**
 * One rule for every page: completion stands. Once a course is completed its
 * progress reads 100 %, and anything added later is shown as "new since you
 * completed", never as a debt (no "Progress: 77 %" next to "Completed").
 */
export function shownProgress(steps: ProgressSteps, completed: boolean): ShownProgress {
  if (!completed) return { ...steps, newSinceCompletion: 0 };
  return { done: steps.total, total: steps.total, percent: 100, newSinceCompletion: steps.total - steps.done };
}
