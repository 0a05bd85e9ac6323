import { type AssessmentDraft, readAssessmentDraft, toAssessment } from './assessment';
import type { ContentFiles, ContentProblem, CourseSettings, Language, ParsedCourse, ParsedModule, ParsedTool } from './content.types';
import { type CourseFiles, sortCourseFiles } from './course-files';
import { type CourseSettingsResult, defaultCourseSettings, parseCourseSettings } from './course-settings';
import { assessmentFileName, COURSE_FILE, COURSE_SLUG_PATTERN, toolFileName } from './file-names';
import type { CourseLinkTargets } from './links';
import { checkMediaFile } from './media';
import { type ModuleDraft, readModuleDraft, toModuleVersion } from './module';
import { checkModuleConsistency, type ModuleVersions } from './module-consistency';
import { moduleNumber } from './objectives';
import { createProblem, hasErrors, sortProblems } from './problems';
import { estimateCourseMinutes, hoursDisagree } from './reading-time';
import { sha256 } from './source-text';
import { readToolDraft, type ToolDraft, toToolVersion } from './tool';
import { compareQuestionLanguages } from './translations';

export interface CourseParseResult {
  /** null when any problem is an error: a course is imported whole or not at all. */
  course: ParsedCourse | null;
  /** Sorted by file and line; files are "<slug>/<path inside the course>". */
  problems: ContentProblem[];
}

/**
 * Checks and parses one course folder held in memory (paths relative to the
 * folder, "/" separators). Every problem is collected, so an author fixes
 * everything in one round instead of one error per run.
 */
export function parseCourseFolder(files: ContentFiles, slug: string): CourseParseResult {
  const problems: ContentProblem[] = [];
  if (!COURSE_SLUG_PATTERN.test(slug)) problems.push(createProblem(slug, 1, 'course.bad-slug', { slug }));
  const sorted = sortCourseFiles(files, slug);
  problems.push(...sorted.problems);

  const courseFile = readCourseFile(sorted, slug, problems);
  // Unreadable settings are only defaults: do not warn about what they would require.
  const settings = courseFile.readable
    ? courseFile.settings
    : { ...courseFile.settings, completion: { modules: true, quizzes: false, postTest: false } };
  // With unusable "languages", keep checking in the languages the files are written in.
  const languagesDeclared = settings.languages.length > 0;
  const languages = languagesDeclared ? settings.languages : languagesOfFiles(sorted);

  const faultyMedia = new Set<string>();
  for (const [path, content] of sorted.media) {
    const mediaProblems = checkMediaFile(`${slug}/${path}`, path, content);
    if (mediaProblems.length > 0) faultyMedia.add(path);
    problems.push(...mediaProblems);
  }
  const targets: CourseLinkTargets = {
    moduleKeys: new Set(sorted.modules.keys()),
    mediaFiles: new Set(sorted.media.keys()),
    toolKeys: new Set(sorted.tools.keys()),
  };

  const modules = readModules(sorted, languages, settings, { slug, targets }, problems);
  // With an unusable course.md, the languages the files are written in are still required of every module.
  problems.push(...checkModuleConsistency(modules, languages));
  if (modules.length === 0) problems.push(createProblem(`${slug}/${COURSE_FILE}`, 1, 'course.no-modules'));
  const tools = readTools(sorted, languages, { slug, targets }, problems);

  const moduleObjectives = objectivesByModuleNumber(modules);
  const assessments = readAssessments(sorted, languages, courseFile, { slug, targets, moduleObjectives }, problems);
  const estimatedMinutes = courseMinutes(modules, assessments, settings);
  if (courseFile.hoursGiven && modules.length > 0 && hoursDisagree(settings.hours, estimatedMinutes)) {
    const computedHours = Math.round((estimatedMinutes / 60) * 10) / 10;
    problems.push(createProblem(`${slug}/${COURSE_FILE}`, courseFile.lineOf(['hours']), 'course.hours-mismatch', { hours: settings.hours, computedHours, minutes: estimatedMinutes }));
  }
  const usedMedia = new Set([...modules.flatMap((module) => module.drafts), ...assessments, ...tools.flatMap((tool) => tool.drafts)].flatMap((draft) => draft.usedMedia));
  for (const path of sorted.media.keys()) {
    if (!usedMedia.has(path) && !faultyMedia.has(path)) problems.push(createProblem(`${slug}/${path}`, 1, 'media.unused', { path }));
  }

  const sortedProblems = sortProblems(problems);
  if (hasErrors(sortedProblems)) return { course: null, problems: sortedProblems };
  const course = buildCourse(slug, settings, modules, assessments, files, [...sorted.media.keys()]);
  return { course: { ...course, tools: tools.map(toParsedTool), estimatedMinutes }, problems: sortedProblems };
}

function readCourseFile(sorted: CourseFiles, slug: string, problems: ContentProblem[]): CourseSettingsResult {
  if (!sorted.courseFile) {
    problems.push(createProblem(`${slug}/${COURSE_FILE}`, 1, 'course.missing-course-file'));
    return { settings: defaultCourseSettings(), problems: [], lineOf: () => 1, readable: false };
  }
  const result = parseCourseSettings(sorted.courseFile.text, sorted.courseFile.file);
  problems.push(...result.problems);
  return result;
}

function languagesOfFiles(sorted: CourseFiles): Language[] {
  const found = new Set<Language>();
  for (const versions of sorted.modules.values()) for (const language of versions.keys()) found.add(language);
  return [...found].sort();
}

function readModules(
  sorted: CourseFiles,
  languages: readonly Language[],
  settings: CourseSettings,
  context: { slug: string; targets: CourseLinkTargets },
  problems: ContentProblem[],
): ModuleVersions[] {
  const modules: ModuleVersions[] = [];
  for (const [key, versions] of sorted.modules) {
    const drafts: ModuleDraft[] = [];
    for (const [language, textFile] of versions) {
      if (!languages.includes(language)) {
        problems.push(createProblem(textFile.file, 1, 'file.undeclared-language', { language }));
        continue;
      }
      drafts.push(readModuleDraft(textFile.text, textFile.file, { key, language }, settings, context));
    }
    drafts.sort((a, b) => languages.indexOf(a.language) - languages.indexOf(b.language));
    problems.push(...drafts.flatMap((draft) => draft.problems));
    if (drafts.length > 0) modules.push({ key, drafts });
  }
  return modules;
}

interface ToolVersions {
  key: string;
  drafts: ToolDraft[];
}

/** Printable tools: every declared language is required, like modules. */
function readTools(
  sorted: CourseFiles,
  languages: readonly Language[],
  context: { slug: string; targets: CourseLinkTargets },
  problems: ContentProblem[],
): ToolVersions[] {
  const tools: ToolVersions[] = [];
  for (const [key, versions] of sorted.tools) {
    const drafts: ToolDraft[] = [];
    for (const [language, textFile] of versions) {
      if (!languages.includes(language)) {
        problems.push(createProblem(textFile.file, 1, 'file.undeclared-language', { language }));
        continue;
      }
      drafts.push(readToolDraft(textFile.text, textFile.file, { key, language }, context));
    }
    drafts.sort((a, b) => languages.indexOf(a.language) - languages.indexOf(b.language));
    problems.push(...drafts.flatMap((draft) => draft.problems));
    const [main] = drafts;
    if (!main) continue;
    for (const language of languages) {
      if (drafts.some((draft) => draft.language === language)) continue;
      problems.push(createProblem(main.file, 1, 'tool.missing-language', { key, language, expectedFile: toolFileName(key, language) }));
    }
    tools.push({ key, drafts });
  }
  return tools;
}

function toParsedTool({ key, drafts }: ToolVersions): ParsedTool {
  return { key, versions: Object.fromEntries(drafts.map((draft) => [draft.language, toToolVersion(draft)])) };
}

/** Module number ("01") -> the objective ids its main-language file declares. */
function objectivesByModuleNumber(modules: readonly ModuleVersions[]): Map<string, Set<string>> {
  const byNumber = new Map<string, Set<string>>();
  for (const { key, drafts } of modules) {
    const ids = byNumber.get(moduleNumber(key)) ?? new Set<string>();
    for (const objective of drafts[0]?.objectives ?? []) ids.add(objective.id);
    byNumber.set(moduleNumber(key), ids);
  }
  return byNumber;
}

function courseMinutes(modules: readonly ModuleVersions[], assessments: readonly AssessmentDraft[], settings: CourseSettings): number {
  const moduleMinutes = modules.map((module) => module.drafts[0]?.minutes ?? 0);
  const questions = assessments[0]?.rawQuestions.length ?? 0;
  return estimateCourseMinutes(moduleMinutes, { questions, preTest: settings.preTest, postTest: settings.postTest });
}

function readAssessments(
  sorted: CourseFiles,
  languages: readonly Language[],
  courseFile: CourseSettingsResult,
  context: { slug: string; targets: CourseLinkTargets; moduleObjectives: ReadonlyMap<string, ReadonlySet<string>> },
  problems: ContentProblem[],
): AssessmentDraft[] {
  const { settings, readable } = courseFile;
  const required = settings.preTest || settings.postTest;
  const drafts: AssessmentDraft[] = [];
  for (const language of languages) {
    const textFile = sorted.assessments.get(language);
    if (textFile) {
      drafts.push(readAssessmentDraft(textFile.text, textFile.file, language, required, context));
      if (!required && readable) problems.push(createProblem(textFile.file, 1, 'assessment.unused'));
    } else if (required) {
      const line = courseFile.lineOf([settings.postTest ? 'post_test' : 'pre_test']);
      problems.push(createProblem(`${context.slug}/${COURSE_FILE}`, line, 'assessment.missing', { language, expectedFile: assessmentFileName(language) }));
    }
  }
  for (const [language, textFile] of sorted.assessments) {
    if (!languages.includes(language)) problems.push(createProblem(textFile.file, 1, 'file.undeclared-language', { language }));
  }
  problems.push(...drafts.flatMap((draft) => draft.problems));
  const [main, ...others] = drafts;
  for (const other of others) {
    problems.push(...compareQuestionLanguages({ file: main.file, questions: main.rawQuestions }, { file: other.file, questions: other.rawQuestions }));
  }
  return drafts;
}

function buildCourse(
  slug: string,
  settings: CourseSettings,
  modules: readonly ModuleVersions[],
  assessments: readonly AssessmentDraft[],
  files: ContentFiles,
  mediaFiles: string[],
): Omit<ParsedCourse, 'tools' | 'estimatedMinutes'> {
  const parsedModules: ParsedModule[] = modules.map(({ key, drafts }) => ({
    key,
    order: drafts[0].order ?? 0,
    versions: Object.fromEntries(drafts.map((draft) => [draft.language, toModuleVersion(draft)])),
  }));
  parsedModules.sort((a, b) => a.order - b.order);
  return {
    slug,
    settings,
    modules: parsedModules,
    assessment: assessments.length > 0 ? Object.fromEntries(assessments.map((draft) => [draft.language, toAssessment(draft)])) : null,
    mediaFiles,
    courseSourceHash: hashFolder(files),
  };
}

/** One hash for the whole folder: any changed, added or removed file changes it. */
function hashFolder(files: ContentFiles): string {
  const entries = [...files].map(([path, content]) => `${path}\0${sha256(content)}`).sort();
  return sha256(entries.join('\n'));
}
