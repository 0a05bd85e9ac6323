import type { CourseModule } from '../content/entities/course-module.entity';
import type { Course } from '../content/entities/course.entity';
import type { LessonEntry } from '../content/published-content.service';
import {
  checkCompletion,
  CompletionCheck,
  CompletionFacts,
  effectiveRule,
  isModuleDone,
  isPostTestOpen,
  knowledgeGain,
  ModuleState,
  nextStep,
  NextStep,
  progressSteps,
  ProgressSteps,
  shownProgress,
} from './completion-rule';

export interface LessonProgress extends LessonEntry {
  state: ModuleState;
  /** The one definition of "module done": what the completion rule asks of the module is met. */
  done: boolean;
  quizScore: number | null;
}

/** Everything the course page, the dashboard, the staff lists and the completion rule need about one learner in one course. */
export interface CourseProgress {
  lessons: LessonProgress[];
  facts: CompletionFacts;
  check: CompletionCheck;
  steps: ProgressSteps;
  next: NextStep;
  /** Anything recorded yet (a module marked or a quiz started). */
  started: boolean;
  assessment: CourseModule | null;
  preTest: { offered: boolean; score: number | null; available: boolean };
  /** score: the grade that counts (quiz.grading: highest or last); firstScore: the first attempt's. */
  postTest: { offered: boolean; open: boolean; score: number | null; firstScore: number | null; passed: boolean };
  /** Knowledge gain: the first post-test attempt minus the pre-test (later attempts would measure memory of the key). */
  gain: number | null;
}

/** One stored module_progress row, as far as the rules care. */
export interface ProgressRow {
  moduleId: number;
  completedAt: Date | null;
  quizScore: number | null;
  quizPassed: boolean;
  updatedAt?: Date;
}

export interface CourseProgressInput {
  course: Pick<Course, 'completionRule' | 'hasPreTest' | 'hasPostTest'>;
  lessons: LessonEntry[];
  assessment: CourseModule | null;
  rows: ProgressRow[];
  preTestScore: number | null;
  /** The first submitted post-test attempt's score (null before one). */
  postTestFirstScore?: number | null;
  lastModuleKey: string | null;
}

/** The progress read model of one learner in one course, from plain data (pure). */
export function courseProgressFrom(input: CourseProgressInput): CourseProgress {
  const { course, lessons: entries, assessment, rows, preTestScore, lastModuleKey } = input;
  const postTestFirstScore = input.postTestFirstScore ?? null;
  const rowFor = (moduleId: number | undefined) => rows.find((row) => row.moduleId === moduleId);
  const hasPreTest = course.hasPreTest && assessment !== null;
  const hasPostTest = course.hasPostTest && assessment !== null;
  const postRow = rowFor(assessment?.id);
  const states = entries.map((entry): ModuleState => {
    const row = rowFor(entry.module.id);
    return { key: entry.module.key, hasQuiz: entry.questionCount > 0, completed: !!row?.completedAt, quizPassed: !!row?.quizPassed };
  });
  const lessonIds = new Set(entries.map((entry) => entry.module.id));
  const started = rows.some((row) => lessonIds.has(row.moduleId));
  // The pre-test is a baseline: offered until the learner starts on the modules, one attempt; "start" leads there first.
  const preTestAvailable = hasPreTest && preTestScore === null && !started;
  const facts: CompletionFacts = {
    rule: course.completionRule,
    modules: states,
    hasPostTest,
    postTest: { taken: postRow?.quizScore != null, passed: !!postRow?.quizPassed },
    lastModuleKey,
    preTestAvailable,
  };
  const rule = effectiveRule(facts.rule, hasPostTest);
  return {
    // Properties named one by one: on Node 20 `{ ...entry, state }` takes V8's slow path (about 100 times slower),
    // and this runs for every lesson of every enrolment of a roster export.
    lessons: entries.map((entry, index) => ({
      module: entry.module,
      title: entry.title,
      questionCount: entry.questionCount,
      state: states[index],
      done: isModuleDone(states[index], rule),
      quizScore: rowFor(entry.module.id)?.quizScore ?? null,
    })),
    facts,
    check: checkCompletion(facts),
    steps: progressSteps(facts),
    next: nextStep(facts),
    started,
    assessment,
    preTest: { offered: hasPreTest, score: preTestScore, available: preTestAvailable },
    postTest: {
      offered: hasPostTest,
      open: isPostTestOpen(facts),
      score: postRow?.quizScore ?? null,
      firstScore: postTestFirstScore,
      passed: !!postRow?.quizPassed,
    },
    gain: knowledgeGain(preTestScore, postTestFirstScore),
  };
}

/** One learner's figures in one course, as every staff list, roster and certificate shows them. */
export interface LearnerProgressSummary {
  enrolmentId: number;
  userId: number;
  courseId: number;
  cohortId: number | null;
  modulesTotal: number;
  modulesDone: number;
  percent: number;
  quizzesTotal: number;
  quizzesPassed: number;
  quizAverage: number | null;
  preTestScore: number | null;
  postTestScore: number | null;
  /** The first post-test attempt's score, from which knowledgeGain is computed. */
  postTestFirstScore: number | null;
  knowledgeGain: number | null;
  completed: boolean;
  completedAt: Date | null;
  lastActivityAt: Date | null;
}

/** The summary of a learner's progress (pure): the same figures the learner's own pages show. */
export function summaryFrom(
  enrolment: {
    id: number;
    userId: number;
    courseId: number;
    cohortId: number | null;
    completedAt: Date | null;
    lastActivityAt: Date | null;
  },
  progress: CourseProgress,
  rows: ProgressRow[],
): LearnerProgressSummary {
  const lessonIds = new Set(progress.lessons.map((lesson) => lesson.module.id));
  const lessonRows = rows.filter((row) => lessonIds.has(row.moduleId));
  const quizScores = lessonRows.map((row) => row.quizScore).filter((score): score is number => score !== null);
  const withQuiz = progress.lessons.filter((lesson) => lesson.state.hasQuiz);
  const lastRowAt = lessonRows.reduce<Date | null>(
    (latest, row) => (row.updatedAt && (!latest || row.updatedAt > latest) ? row.updatedAt : latest),
    null,
  );
  return {
    enrolmentId: enrolment.id,
    userId: enrolment.userId,
    courseId: enrolment.courseId,
    cohortId: enrolment.cohortId,
    modulesTotal: progress.lessons.length,
    modulesDone: progress.lessons.filter((lesson) => lesson.done).length,
    // Completion stands: a completed learner reads 100 % here too, whatever was added to the course since.
    percent: shownProgress(progress.steps, enrolment.completedAt !== null).percent,
    quizzesTotal: withQuiz.length,
    quizzesPassed: progress.lessons.filter((lesson) => lesson.state.quizPassed).length,
    quizAverage: quizScores.length ? Math.round((quizScores.reduce((sum, score) => sum + score, 0) / quizScores.length) * 100) / 100 : null,
    preTestScore: progress.preTest.score,
    postTestScore: progress.postTest.score,
    postTestFirstScore: progress.postTest.firstScore,
    knowledgeGain: progress.gain,
    completed: enrolment.completedAt !== null,
    completedAt: enrolment.completedAt,
    lastActivityAt: enrolment.lastActivityAt ?? lastRowAt,
  };
}
