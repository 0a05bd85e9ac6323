import { LANGUAGES } from '../../i18n/i18n';
import {
  CERTIFICATE_KINDS,
  COURSE_TOPICS,
  type ContentProblem,
  type CourseSettings,
  GRADING_RULES,
  type Language,
  type LocalizedText,
  type QuizSettings,
  } from './content.types';
import { readFrontMatter } from './front-matter';
import { ProblemReport } from './problems';
import { SettingsReader } from './settings-reader';
import { splitLines } from './source-text';

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  maxAttempts: 0,
  grading: 'highest',
  shuffle: true,
  timeLimitMinutes: 0,
  showAnswers: true,
};

const COURSE_KEYS = ['title', 'summary', 'topic', 'hours', 'languages', 'pass_mark', 'certificate', 'pre_test', 'post_test', 'completion', 'quiz', 'participation'];
const PARTICIPATION_KEYS = ['modules_percent'];
const COMPLETION_KEYS = ['modules', 'quizzes', 'post_test'];
export const QUIZ_KEYS = ['max_attempts', 'grading', 'shuffle', 'time_limit_minutes', 'show_answers'];

export interface CourseSettingsResult {
  /**
   * Always filled, with defaults where a value is missing or invalid, so the
   * rest of the course can still be checked; `languages` is empty when unusable.
   */
  settings: CourseSettings;
  problems: ContentProblem[];
  /** Line of a key in course.md ("post_test", "completion.quizzes"), for problems found elsewhere. */
  lineOf(path: readonly string[]): number;
  /** false when the settings could not be read at all (no front matter, bad YAML): they are only defaults. */
  readable: boolean;
  /** true when "hours" was given and valid (not a default), so it can be compared with the computed time. */
  hoursGiven?: boolean;
}

/** Reads course.md. `file` is the path used in problems, e.g. "trata-de-personas/course.md". */
export function parseCourseSettings(text: string, file: string): CourseSettingsResult {
  const report = new ProblemReport(file);
  const { frontMatter } = readFrontMatter(splitLines(text), report);
  const settings = defaultCourseSettings();
  if (!frontMatter) return { settings, problems: report.problems, lineOf: () => 1, readable: false };

  const reader = new SettingsReader(frontMatter, report);
  reader.rejectUnknownKeys([], COURSE_KEYS);
  settings.languages = readLanguages(reader);
  // Titles are checked against the declared languages; with none usable, against every supported one.
  const titleLanguages = settings.languages.length > 0 ? settings.languages : [...LANGUAGES];
  settings.title = readLocalizedText(reader, 'title', titleLanguages);
  settings.summary = readLocalizedText(reader, 'summary', titleLanguages);
  settings.topic = reader.choice(['topic'], COURSE_TOPICS, true) ?? settings.topic;
  const hours = reader.number(['hours'], { required: true, min: 0, minExclusive: true, max: 200 });
  settings.hours = hours ?? settings.hours;
  settings.passMark = reader.number(['pass_mark'], { required: true, integer: true, min: 1, max: 100 }) ?? settings.passMark;
  settings.certificate = reader.choice(['certificate'], CERTIFICATE_KINDS, true) ?? settings.certificate;
  settings.preTest = reader.boolean(['pre_test']) ?? false;
  settings.postTest = reader.boolean(['post_test']) ?? false;

  reader.mapping(['completion']);
  reader.rejectUnknownKeys(['completion'], COMPLETION_KEYS);
  settings.completion = {
    modules: reader.boolean(['completion', 'modules']) ?? true,
    quizzes: reader.boolean(['completion', 'quizzes']) ?? true,
    // Without a word about it, a course that has a post-test counts it.
    postTest: reader.boolean(['completion', 'post_test']) ?? settings.postTest,
  };
  if (settings.completion.postTest && !settings.postTest) {
    report.add(reader.lineOf(['completion', 'post_test']), 'course.completion-needs-post-test');
  }
  if (!settings.completion.modules && !settings.completion.quizzes && !settings.completion.postTest) {
    report.add(reader.lineOf(['completion']), 'course.nothing-required');
  }
  settings.quiz = { ...DEFAULT_QUIZ_SETTINGS, ...readQuizOverrides(reader) };
  settings.participation = readParticipation(reader);
  return { settings, problems: report.problems, lineOf: (path) => reader.lineOf(path), readable: true, hoursGiven: hours !== undefined };
}

/** The `quiz:` group of course.md or of a module: only the keys that are present and valid. */
export function readQuizOverrides(reader: SettingsReader): Partial<QuizSettings> {
  if (!reader.mapping(['quiz'])) return {};
  reader.rejectUnknownKeys(['quiz'], QUIZ_KEYS);
  const overrides: Partial<QuizSettings> = {
    maxAttempts: reader.number(['quiz', 'max_attempts'], { integer: true, min: 0 }),
    grading: reader.choice(['quiz', 'grading'], GRADING_RULES),
    shuffle: reader.boolean(['quiz', 'shuffle']),
    timeLimitMinutes: reader.number(['quiz', 'time_limit_minutes'], { integer: true, min: 0 }),
    showAnswers: reader.boolean(['quiz', 'show_answers']),
  };
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

/** `participation: { modules_percent: 50 }`: the rule for bulk participation certificates (1-100 % of the lesson modules). */
function readParticipation(reader: SettingsReader): CourseSettings['participation'] {
  if (!reader.mapping(['participation'])) return null;
  reader.rejectUnknownKeys(['participation'], PARTICIPATION_KEYS);
  const modulesPercent = reader.number(['participation', 'modules_percent'], { required: true, integer: true, min: 1, max: 100 });
  return modulesPercent === undefined ? null : { modulesPercent };
}

/** Front-matter key of each quiz setting, for messages. */
export const QUIZ_SETTING_KEYS: Record<keyof QuizSettings, string> = {
  maxAttempts: 'max_attempts',
  grading: 'grading',
  shuffle: 'shuffle',
  timeLimitMinutes: 'time_limit_minutes',
  showAnswers: 'show_answers',
};

function readLanguages(reader: SettingsReader): Language[] {
  const value = reader.value(['languages']);
  if (value === undefined || value === null) {
    reader.addAt(['languages'], 'front-matter.missing-key', { key: 'languages' });
    return [];
  }
  if (!Array.isArray(value)) {
    reader.wrongType(['languages'], 'a list like [es, en]', value);
    return [];
  }
  if (value.length === 0) reader.addAt(['languages'], 'course.no-languages');
  const languages: Language[] = [];
  for (const item of value) {
    const language = LANGUAGES.find((supported) => supported === item);
    if (!language) {
      reader.addAt(['languages'], 'front-matter.bad-value', { key: 'languages', value: String(item), allowed: LANGUAGES.join(', ') });
    } else if (languages.includes(language)) {
      reader.addAt(['languages'], 'course.duplicate-language', { language });
    } else {
      languages.push(language);
    }
  }
  return languages;
}

function readLocalizedText(reader: SettingsReader, key: string, languages: readonly Language[]): LocalizedText {
  const mapping = reader.mapping([key], true);
  if (!mapping) return {};
  reader.rejectUnknownKeys([key], LANGUAGES);
  const text: LocalizedText = {};
  for (const language of languages) {
    const value = reader.text([key, language], true);
    if (value !== undefined) text[language] = value;
  }
  return text;
}

/** What a course gets for every setting it leaves out (and what checks fall back to when course.md is unusable). */
export function defaultCourseSettings(): CourseSettings {
  return {
    title: {},
    summary: {},
    topic: 'other',
    hours: 1,
    languages: [],
    passMark: 80,
    certificate: 'completion',
    preTest: false,
    postTest: false,
    completion: { modules: true, quizzes: true, postTest: false },
    quiz: { ...DEFAULT_QUIZ_SETTINGS },
    participation: null,
  };
}
