import type { CompletionRule, Localized, QuizSettings as StoredQuizSettings } from '../entities/course.entity';
import type { ModuleKind } from '../entities/course-module.entity';
import type { StoredObjective, StoredQuestion } from '../entities/module-version.entity';
import type { CourseSettings, LocalizedText, ParsedCourse, ParsedQuestion, QuizSettings } from '../parsing/content.types';
import { TOOLS_FOLDER } from '../parsing/file-names';

export const ASSESSMENT_KEY = 'assessment';
export const COURSE_FILE = 'course.md';

/** The course row as the parsed course.md says it should be. */
export interface CourseRecord {
  title: Localized;
  summary: Localized;
  topic: string;
  hours: number;
  languages: string[];
  passMark: number;
  certificateType: 'completion' | 'participation';
  hasPreTest: boolean;
  hasPostTest: boolean;
  completionRule: CompletionRule;
  quizDefaults: StoredQuizSettings;
  sourceHash: string;
  sourceText: string;
}

/** One language of one module (or of the assessment) as it should be stored. */
export interface VersionRecord {
  language: string;
  title: string;
  sourceText: string;
  sourceHash: string;
  lessonHtml: string;
  questions: StoredQuestion[];
  quizSettings: StoredQuizSettings;
  /** Lessons only; null for assessments and tools (and lessons written without objectives). */
  objectives: StoredObjective[] | null;
}

export interface ModuleRecord {
  key: string;
  kind: ModuleKind;
  position: number;
  minutes: number;
  /** Course-folder file of each language, e.g. "01-conceptos.es.md". */
  files: Record<string, string>;
  versions: VersionRecord[];
}

/** The languages a course file gives a text in (the parser leaves the others undefined). */
function givenTexts(text: LocalizedText): Localized {
  return Object.fromEntries(Object.entries(text).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function storedQuizSettings(quiz: QuizSettings, passMark: number): StoredQuizSettings {
  return {
    maxAttempts: quiz.maxAttempts, grading: quiz.grading, shuffle: quiz.shuffle,
    timeLimitMinutes: quiz.timeLimitMinutes, showAnswers: quiz.showAnswers, passMark,
  };
}

/** Plain objects without undefined keys, so the same question always serialises to the same JSON. */
export function storedQuestions(questions: ParsedQuestion[]): StoredQuestion[] {
  return questions.map((question) => ({
    id: question.id,
    type: question.type,
    ...(question.objective !== undefined ? { objective: question.objective } : {}),
    promptHtml: question.promptHtml,
    options: question.options.map((option) => ({
      id: option.id,
      textHtml: option.textHtml,
      correct: option.correct,
      ...(option.feedbackHtml !== undefined ? { feedbackHtml: option.feedbackHtml } : {}),
    })),
    ...(question.explanationHtml !== undefined ? { explanationHtml: question.explanationHtml } : {}),
  }));
}

export function courseRecord(settings: CourseSettings, courseFile: { text: string; hash: string }): CourseRecord {
  return {
    title: givenTexts(settings.title),
    summary: givenTexts(settings.summary),
    topic: settings.topic,
    hours: settings.hours,
    languages: [...settings.languages],
    passMark: settings.passMark,
    certificateType: settings.certificate,
    hasPreTest: settings.preTest,
    hasPostTest: settings.postTest,
    completionRule: { modules: settings.completion.modules, quizzes: settings.completion.quizzes, postTest: settings.completion.postTest },
    quizDefaults: storedQuizSettings(settings.quiz, settings.passMark),
    sourceHash: courseFile.hash,
    sourceText: courseFile.text,
  };
}

/** Stored module key of a printable tool: "tools/indicadores", so its files are "tools/indicadores.<lang>.md". */
export function toolModuleKey(toolKey: string): string {
  return `${TOOLS_FOLDER}/${toolKey}`;
}

/** Lesson modules in course order, then the printable tools, then the assessment (pre/post-test bank) when the course has one. */
export function moduleRecords(course: ParsedCourse): ModuleRecord[] {
  const { settings } = course;
  const mainLanguage = settings.languages[0];
  const lessons: ModuleRecord[] = course.modules.map((module) => {
    const versions = settings.languages.flatMap((language) => {
      const version = module.versions[language];
      if (!version) return [];
      return [{
        language,
        title: version.title,
        sourceText: version.sourceText,
        sourceHash: version.sourceHash,
        lessonHtml: version.lessonHtml,
        questions: storedQuestions(version.questions),
        quizSettings: storedQuizSettings(version.quizSettings, settings.passMark),
        objectives: version.objectives.length > 0 ? version.objectives.map(({ id, text }) => ({ id, text })) : null,
      }];
    });
    const files = Object.fromEntries(versions.map((version) => [version.language, `${module.key}.${version.language}.md`]));
    return { key: module.key, kind: 'lesson', position: module.order, minutes: module.versions[mainLanguage]?.minutes ?? 0, files, versions };
  });
  const tools: ModuleRecord[] = (course.tools ?? []).map((tool) => {
    const key = toolModuleKey(tool.key);
    const versions = settings.languages.flatMap((language) => {
      const version = tool.versions[language];
      if (!version) return [];
      return [{
        language,
        title: version.title,
        sourceText: version.sourceText,
        sourceHash: version.sourceHash,
        lessonHtml: version.html,
        questions: [],
        quizSettings: storedQuizSettings(settings.quiz, settings.passMark),
        objectives: null,
      }];
    });
    const files = Object.fromEntries(versions.map((version) => [version.language, `${key}.${version.language}.md`]));
    return { key, kind: 'tool', position: 0, minutes: 0, files, versions };
  });
  if (!course.assessment) return [...lessons, ...tools];
  const assessment = course.assessment;
  const versions = settings.languages.flatMap((language) => {
    const parsed = assessment[language];
    if (!parsed) return [];
    return [{
      language,
      title: parsed.title,
      sourceText: parsed.sourceText,
      sourceHash: parsed.sourceHash,
      lessonHtml: '',
      questions: storedQuestions(parsed.questions),
      quizSettings: storedQuizSettings(settings.quiz, settings.passMark),
      objectives: null,
    }];
  });
  const files = Object.fromEntries(versions.map((version) => [version.language, `${ASSESSMENT_KEY}.${version.language}.md`]));
  // The assessment row carries the computed time of the pre-test and post-test, so the modules' minutes add up to the course's.
  const testMinutes = Math.max(0, (course.estimatedMinutes ?? 0) - lessons.reduce((sum, lesson) => sum + lesson.minutes, 0));
  return [...lessons, ...tools, { key: ASSESSMENT_KEY, kind: 'assessment', position: 0, minutes: testMinutes, files, versions }];
}
