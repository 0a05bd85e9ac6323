import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { CohortFacilitator } from '../../src/cohorts/entities/cohort-facilitator.entity';
import { Cohort } from '../../src/cohorts/entities/cohort.entity';
import { CourseModule } from '../../src/content/entities/course-module.entity';
import { CompletionRule, Course, QuizSettings } from '../../src/content/entities/course.entity';
import { ModuleVersion, StoredQuestion } from '../../src/content/entities/module-version.entity';
import { bumpContentVersion } from '../../src/content/content-version';
import { PublishedContentService } from '../../src/content/published-content.service';
import { Enrolment, EnrolmentStatus } from '../../src/enrolments/enrolment.entity';
import type { User } from '../../src/users/user.entity';

/**
 * Course rows built straight through the repositories (no content import), with
 * questions whose right answers the tests know. Texts carry markers the
 * answer-leak tests look for: FEEDBACK-<question>-<option> and EXPLANATION-<question>.
 */

let sequence = 0;
const LETTERS = 'abcdefgh';

export interface QuestionSpec {
  id: string;
  type?: StoredQuestion['type'];
  /** Positions (0-based) of the right options. */
  correct?: number[];
  options?: number;
}

export function question(spec: QuestionSpec, language = 'es'): StoredQuestion {
  const type = spec.type ?? 'single';
  const count = type === 'truefalse' ? 2 : (spec.options ?? 3);
  const correct = spec.correct ?? [0];
  return {
    id: spec.id,
    type,
    promptHtml: `<p>[${language}] Prompt ${spec.id}</p>`,
    options: Array.from({ length: count }, (_, index) => ({
      id: LETTERS[index],
      textHtml: `[${language}] Option ${spec.id}-${LETTERS[index]}`,
      correct: correct.includes(index),
      feedbackHtml: `<p>FEEDBACK-${spec.id}-${LETTERS[index]}</p>`,
    })),
    explanationHtml: `<p>EXPLANATION-${spec.id}</p>`,
  };
}

/** Three questions, one of each type; the right answers are: first option, first two options, second option. */
export function standardQuestions(prefix: string): QuestionSpec[] {
  return [
    { id: `${prefix}-q1`, type: 'single', correct: [0] },
    { id: `${prefix}-q2`, type: 'multiple', correct: [0, 1], options: 4 },
    { id: `${prefix}-q3`, type: 'truefalse', correct: [1] },
  ];
}

export interface ModuleSpec {
  key: string;
  minutes?: number;
  questions?: QuestionSpec[];
  quiz?: Partial<QuizSettings>;
  lessonHtml?: string;
}

export interface CourseSpec {
  slug?: string;
  topic?: string;
  languages?: string[];
  passMark?: number;
  hasPreTest?: boolean;
  hasPostTest?: boolean;
  completionRule?: Partial<CompletionRule>;
  quiz?: Partial<QuizSettings>;
  modules?: ModuleSpec[];
  /** Questions of the 'assessment' module (pre/post-test); null for none. */
  assessment?: QuestionSpec[] | null;
  published?: boolean;
}

export interface BuiltCourse {
  course: Course;
  modules: CourseModule[];
  assessment: CourseModule | null;
  /** The question specs by module key ('assessment' included), for answering. */
  questions: Record<string, QuestionSpec[]>;
}

export async function createCourse(app: NestExpressApplication, spec: CourseSpec = {}): Promise<BuiltCourse> {
  sequence += 1;
  const data = app.get(DataSource);
  const languages = spec.languages ?? ['es', 'en'];
  const slug = spec.slug ?? `curso-${sequence}-${Date.now()}`;
  const quizDefaults: QuizSettings = {
    maxAttempts: 3,
    grading: 'highest',
    shuffle: true,
    timeLimitMinutes: 0,
    showAnswers: true,
    passMark: spec.passMark ?? 80,
    ...spec.quiz,
  };
  const course = await data.getRepository(Course).save(
    data.getRepository(Course).create({
      slug,
      title: Object.fromEntries(languages.map((language) => [language, `${language === 'es' ? 'Curso' : 'Course'} ${sequence}`])),
      summary: Object.fromEntries(languages.map((language) => [language, `${language === 'es' ? 'Resumen' : 'Summary'} ${sequence}`])),
      topic: spec.topic ?? 'trafficking',
      hours: 4,
      languages,
      passMark: spec.passMark ?? 80,
      certificateType: 'completion',
      hasPreTest: spec.hasPreTest ?? true,
      hasPostTest: spec.hasPostTest ?? true,
      completionRule: { modules: true, quizzes: true, postTest: true, ...spec.completionRule },
      quizDefaults,
      sourceHash: 'test',
      published: spec.published ?? true,
    }),
  );
  const moduleSpecs = spec.modules ?? [
    { key: '01-conceptos', minutes: 30, questions: standardQuestions('m1') },
    { key: '02-indicadores', minutes: 45, questions: standardQuestions('m2') },
  ];
  const questions: Record<string, QuestionSpec[]> = {};
  const modules: CourseModule[] = [];
  for (const [index, moduleSpec] of moduleSpecs.entries()) {
    modules.push(
      await addModule(data, course, { ...moduleSpec, position: index + 1, kind: 'lesson', quiz: { ...quizDefaults, ...moduleSpec.quiz } }),
    );
    questions[moduleSpec.key] = moduleSpec.questions ?? [];
  }
  const assessmentSpecs = spec.assessment === undefined ? [...standardQuestions('pt'), { id: 'pt-q4', correct: [2] }] : spec.assessment;
  let assessment: CourseModule | null = null;
  if (assessmentSpecs) {
    assessment = await addModule(data, course, {
      key: 'assessment',
      questions: assessmentSpecs,
      position: 0,
      kind: 'assessment',
      quiz: quizDefaults,
    });
    questions.assessment = assessmentSpecs;
  }
  await contentChanged(app);
  return { course, modules, assessment, questions };
}

/**
 * Content rows written straight to the database, as an import would: raises the
 * content version (other instances reload within a second) and makes this
 * instance check it on its next read.
 */
export async function contentChanged(app: NestExpressApplication): Promise<void> {
  await bumpContentVersion(app.get(DataSource).manager);
  app.get(PublishedContentService).invalidate();
}

async function addModule(
  data: DataSource,
  course: Course,
  spec: ModuleSpec & { position: number; kind: CourseModule['kind']; quiz: QuizSettings },
): Promise<CourseModule> {
  const module = await data.getRepository(CourseModule).save(
    data.getRepository(CourseModule).create({
      courseId: course.id,
      key: spec.key,
      kind: spec.kind,
      position: spec.position,
      minutes: spec.minutes ?? 20,
      active: true,
    }),
  );
  for (const language of course.languages) {
    await addVersion(data, module, language, 1, spec.questions ?? [], spec.quiz, spec.lessonHtml);
  }
  return module;
}

/** A version of a module; `current` ones are what new attempts answer. */
export async function addVersion(
  data: DataSource,
  module: CourseModule,
  language: string,
  version: number,
  questions: QuestionSpec[],
  quizSettings: QuizSettings,
  lessonHtml?: string,
): Promise<ModuleVersion> {
  const repository = data.getRepository(ModuleVersion);
  return repository.save(
    repository.create({
      moduleId: module.id,
      language,
      version,
      current: true,
      title: `[${language}] ${module.key}`,
      sourceText: `# ${module.key}`,
      sourceHash: `hash-${module.id}-${language}-${version}`,
      lessonHtml: lessonHtml ?? `<h2>[${language}] Lesson ${module.key}</h2><p>Lesson text for ${module.key}.</p>`,
      questions: questions.map((spec) => question(spec, language)),
      questionCount: questions.length,
      quizSettings,
      createdById: null,
    }),
  );
}

const DAY = 24 * 60 * 60 * 1000;

export async function createCohort(app: NestExpressApplication, course: Course, overrides: Partial<Cohort> = {}): Promise<Cohort> {
  const repository = app.get(DataSource).getRepository(Cohort);
  const now = Date.now();
  return repository.save(
    repository.create({
      courseId: course.id,
      name: `Cohorte ${course.slug}`,
      country: 'SV',
      startsAt: new Date(now - 7 * DAY),
      endsAt: new Date(now + 60 * DAY),
      enrolmentOpensAt: null,
      enrolmentClosesAt: null,
      capacity: null,
      enrolmentMode: 'open',
      enrolmentKey: null,
      archivedAt: null,
      ...overrides,
    }),
  );
}

export async function enrol(
  app: NestExpressApplication,
  user: User,
  course: Course,
  cohort: Cohort | null,
  overrides: Partial<Enrolment> & { status?: EnrolmentStatus } = {},
): Promise<Enrolment> {
  const repository = app.get(DataSource).getRepository(Enrolment);
  return repository.save(
    repository.create({ userId: user.id, courseId: course.id, cohortId: cohort?.id ?? null, status: 'active', ...overrides }),
  );
}

export async function assignFacilitator(app: NestExpressApplication, cohort: Cohort, user: User): Promise<void> {
  await app.get(DataSource).getRepository(CohortFacilitator).insert({ cohortId: cohort.id, userId: user.id });
}

/** A course with an open cohort and an actively enrolled learner: the usual starting point. */
export async function enrolledCourse(app: NestExpressApplication, user: User, spec: CourseSpec = {}) {
  const built = await createCourse(app, spec);
  const cohort = await createCohort(app, built.course);
  const enrolment = await enrol(app, user, built.course, cohort);
  return { ...built, cohort, enrolment };
}
