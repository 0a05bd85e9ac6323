import { DomainError } from '../../common/errors';
import type { ContentProblem } from '../parsing';

/** The course would not pass the checks with this change: nothing was written. The form's page lists the problems. */
export class ContentRejectedError extends DomainError {
  constructor(readonly problems: ContentProblem[]) {
    super('form', { key: 'content.upload.rejectedIntro' });
  }
}

/** Someone saved the file after this editor opened it: saving now would silently undo their change. */
export class StaleEditError extends DomainError {
  constructor() {
    super('conflict', { key: 'content.editor.stale' });
  }
}

/** An upload refused before any content check (wrong kind of file, unsafe zip...); key is under content.upload.errors. */
export class UploadRefusedError extends DomainError {
  constructor(key: string, params: Record<string, string | number> = {}) {
    super('refused', { key: `content.upload.errors.${key}`, params });
  }
}
