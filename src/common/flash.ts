import type { Request } from 'express';
import type { MessageRef } from './errors';

/** One-time messages shown on the next page (after a redirect), translated when rendered. */
export function flash(req: Request, kind: 'success' | 'error' | 'info', key: string, params?: MessageRef['params']): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, message: { key, params } }];
}
