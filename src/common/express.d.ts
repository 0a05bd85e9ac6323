import 'express-session';
import type { MessageRef } from './errors';
import type { ErrorPages } from './error-pages';

declare module 'express-session' {
  interface SessionData {
    lang?: string;
    flash?: { kind: 'success' | 'error' | 'info'; message: MessageRef }[];
    csrfToken?: string;
  }
}

declare global {
  // Augments Express's own namespace (the only way to type req.user).
  namespace Express {
    interface User {
      id: number;
      role: string;
      preferredLanguage: string;
    }
    interface Request {
      /** How this route shows a feature's errors (set by the AccessGuard from the handler's @FormView / @RedirectOnError). */
      errorPages?: ErrorPages;
      lang?: string;
      /** Set by the CSRF middleware on a multipart POST: the upload route checks the body's token with it (common/multipart-csrf.ts). */
      csrfCheck?: (token: unknown) => boolean;
    }
  }
}
