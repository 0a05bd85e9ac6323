import type { ContentProblem } from '../parsing';

/** The course would not pass the checks with this change: nothing was written. */
export class ContentRejectedError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`Content rejected with ${problems.length} problem(s)`);
  }
}

/** Someone saved the file after this editor opened it: saving now would silently undo their change. */
export class StaleEditError extends Error {
  constructor() {
    super('The file changed since it was opened');
  }
}

/** An upload refused before any content check (wrong kind of file, unsafe zip...); key is under content.upload.errors. */
export class UploadRefusedError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Upload refused: ${key}`);
  }
}
