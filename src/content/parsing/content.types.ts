/**
 * Plain data produced by the content parser. Nothing here knows about NestJS
 * or the database: the importer maps these shapes to entities, the web editor
 * shows ContentProblem lists, and content:check prints them.
 */

/** The platform's languages are the interface's (i18n/i18n.ts LANGUAGES): a course is written in some of them. */
import type { Language } from '../../i18n/i18n';

export type { Language };

export const COURSE_TOPICS = ['trafficking', 'smuggling', 'children', 'psychosocial', 'other'] as const;
export type CourseTopic = (typeof COURSE_TOPICS)[number];

export const CERTIFICATE_KINDS = ['completion', 'participation'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const GRADING_RULES = ['highest', 'last'] as const;
export type GradingRule = (typeof GRADING_RULES)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type Severity = 'error' | 'warning';

export interface ContentProblem {
  /** Path relative to the checked root, e.g. "trata-de-personas/01-conceptos.es.md". */
  file: string;
  /** Exact 1-based line in the original file (front matter lines count). */
  line: number;
  severity: Severity;
  /** Stable identifier, e.g. "question.no-correct-option"; see problem-catalogue.ts. */
  code: string;
  /** The values the message was built from, so a UI can translate the message. */
  params: Record<string, string | number>;
  /** English message for the facilitator. */
  message: string;
}

/** Text given once per course language; only the declared languages are present. */
export type LocalizedText = Partial<Record<Language, string>>;

export interface QuizSettings {
  /** 0 means unlimited. */
  maxAttempts: number;
  grading: GradingRule;
  shuffle: boolean;
  /** 0 means no time limit. */
  timeLimitMinutes: number;
  showAnswers: boolean;
}

export interface CompletionRules {
  modules: boolean;
  quizzes: boolean;
  postTest: boolean;
}

export interface CourseSettings {
  title: LocalizedText;
  summary: LocalizedText;
  topic: CourseTopic;
  hours: number;
  /** The first language is the course's main language. */
  languages: Language[];
  /** Minimum percentage (1-100) to pass module quizzes and the post-test. */
  passMark: number;
  certificate: CertificateKind;
  preTest: boolean;
  postTest: boolean;
  completion: CompletionRules;
  /** Course-wide quiz defaults; modules may override them. */
  quiz: QuizSettings;
  /** Who may get a participation certificate in bulk (`participation.modules_percent`); null when not set. */
  participation: ParticipationRule | null;
}

/** A learner "participated" after completing at least this share of the lesson modules. */
export interface ParticipationRule {
  modulesPercent: number;
}

export type OptionId = string; // 'a', 'b', ... by position, shared by every language

export interface ParsedOption {
  id: OptionId;
  textHtml: string;
  correct: boolean;
  feedbackHtml?: string;
}

/** One learning objective of a module: a short id shared by every language ("o1") and its text. */
export interface LearningObjective {
  id: string;
  text: string;
}

export interface ParsedQuestion {
  id: string;
  type: QuestionType;
  /** The objective the question assesses: "o1" in a module, "01:o1" (module number:objective) in an assessment. */
  objective?: string;
  promptHtml: string;
  options: ParsedOption[];
  explanationHtml?: string;
  /** Line of the "### id (type)" heading. */
  line: number;
}

export interface ParsedModuleVersion {
  key: string;
  language: Language;
  title: string;
  /** Computed from the text (reading-time.ts), not written by the author. */
  minutes: number;
  order: number;
  /** In the order written; empty for a module written before objectives existed. */
  objectives: LearningObjective[];
  /** Course defaults merged with this module's overrides. */
  quizSettings: QuizSettings;
  lessonHtml: string;
  questions: ParsedQuestion[];
  sourceText: string;
  /** sha256 (hex) of sourceText, so the importer can skip unchanged files. */
  sourceHash: string;
}

export interface ParsedModule {
  key: string;
  order: number;
  versions: Partial<Record<Language, ParsedModuleVersion>>;
}

export interface ParsedAssessment {
  title: string;
  questions: ParsedQuestion[];
  sourceText: string;
  sourceHash: string;
}

/** One language of a printable tool (tools/<key>.<language>.md): a page that prints on one sheet. */
export interface ParsedToolVersion {
  key: string;
  language: Language;
  title: string;
  html: string;
  sourceText: string;
  sourceHash: string;
}

export interface ParsedTool {
  key: string;
  versions: Partial<Record<Language, ParsedToolVersion>>;
}

export interface ParsedCourse {
  slug: string;
  settings: CourseSettings;
  /** Sorted by order. */
  modules: ParsedModule[];
  /** Present when the course has assessment files (required by pre_test/post_test). */
  assessment: Partial<Record<Language, ParsedAssessment>> | null;
  /** Printable tools, by key. */
  tools: ParsedTool[];
  /** Computed study time: modules in the main language plus the pre-test and post-test (reading-time.ts). */
  estimatedMinutes: number;
  /** Paths relative to the course folder, e.g. "media/ruta.png". */
  mediaFiles: string[];
  /** sha256 over every file of the folder: changes when anything changes. */
  courseSourceHash: string;
}

/** In-memory course folder: path relative to the folder ("/" separators) -> content. */
export type ContentFiles = Map<string, string | Buffer>;
