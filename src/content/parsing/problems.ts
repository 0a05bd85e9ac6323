import type { ContentProblem } from './content.types';
import { PROBLEM_CATALOGUE, type ProblemCode } from './problem-catalogue';

type Params = Record<string, string | number>;

export function createProblem(file: string, line: number, code: ProblemCode, params: Params = {}): ContentProblem {
  const definition = PROBLEM_CATALOGUE[code];
  return { file, line: Math.max(1, line), severity: definition.severity, code, params, message: definition.message(params) };
}

/**
 * Collects the problems of one file, so parsing code can say
 * `report.add(line, code, params)` without repeating the file name.
 */
export class ProblemReport {
  readonly problems: ContentProblem[] = [];

  constructor(readonly file: string) {}

  add(line: number, code: ProblemCode, params: Params = {}): void {
    this.problems.push(createProblem(this.file, line, code, params));
  }
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Stable order for people reading a list: by file, then line; same line keeps discovery order. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => compareText(a.problem.file, b.problem.file) || a.problem.line - b.problem.line || a.index - b.index)
    .map(({ problem }) => problem);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** "path:line: severity: message [code]", the format editors and CI logs understand. */
export function formatProblem(problem: ContentProblem, pathPrefix = ''): string {
  const path = pathPrefix ? `${pathPrefix.replace(/\/+$/, '')}/${problem.file}` : problem.file;
  return `${path}:${problem.line}: ${problem.severity}: ${problem.message} [${problem.code}]`;
}
