/** The content parser's public surface: pure functions plus the folder loader. */
export * from './content.types';
export { parseCourseFolder, type CourseParseResult } from './course';
export { checkContentRoot, type ContentRootResult } from './content-root';
export { parseCourseSettings, DEFAULT_QUIZ_SETTINGS, type CourseSettingsResult } from './course-settings';
export { parseModuleText, type ModuleParseContext } from './module';
export { createCourseLinkResolver, type CourseLinkTargets } from './links';
export { loadFolder, UnsafeSymlinkError } from './loader';
export { formatProblem, hasErrors, sortProblems } from './problems';
export { PROBLEM_CATALOGUE, type ProblemCode } from './problem-catalogue';
