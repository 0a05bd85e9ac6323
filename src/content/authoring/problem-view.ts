import type { MessageRef } from '../../common/errors';
import type { ContentProblem } from '../parsing';
import { excerpt, splitLines } from '../parsing/source-text';

export interface ProblemView {
  /** Path inside the course folder, e.g. "01-conceptos.en.md". */
  file: string;
  line: number;
  severity: 'error' | 'warning';
  /** content.problems.<code>, falling back to the checker's English message when there is no translation. */
  message: MessageRef;
  /** The line as written, when the problem is in a file the author is editing. */
  source?: string;
  /** A likely fix the checker found (a misspelt setting's closest name). */
  hint?: MessageRef;
}

export interface ProblemList {
  /** Problems in the files on the page (the edited file, or the two files of a new module). */
  here: ProblemView[];
  /** Problems the change causes elsewhere in the course (e.g. the other language no longer matches). */
  elsewhere: ProblemView[];
  errorCount: number;
  warningCount: number;
}

/** Problems for the editor page: paths made relative to the course, translatable, split by where they are. */
export function problemList(problems: readonly ContentProblem[], slug: string, texts: Record<string, string>): ProblemList {
  const prefix = `${slug}/`;
  const lines = Object.fromEntries(Object.entries(texts).map(([file, text]) => [file, splitLines(text)]));
  const views = problems.map((problem): ProblemView => {
    const file = problem.file.startsWith(prefix) ? problem.file.slice(prefix.length) : problem.file;
    const line = lines[file]?.[problem.line - 1];
    return {
      file,
      line: problem.line,
      severity: problem.severity,
      message: { key: `content.problems.${problem.code}`, params: { ...problem.params, defaultValue: problem.message } },
      ...(line !== undefined && line.trim() !== '' ? { source: excerpt(line, 80) } : {}),
      ...(problem.params.suggestion ? { hint: { key: 'content.problemList.didYouMean', params: { suggestion: problem.params.suggestion } } } : {}),
    };
  });
  return {
    here: views.filter((view) => view.file in texts),
    elsewhere: views.filter((view) => !(view.file in texts)),
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
    warningCount: problems.filter((problem) => problem.severity === 'warning').length,
  };
}
