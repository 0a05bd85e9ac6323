import 'express-session';
import type { MessageRef } from './errors';

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
      formView?: string;
      lang?: string;
      /** Set by the CSRF middleware on a multipart POST: the upload route checks the body's token with it (common/multipart-csrf.ts). */
      csrfCheck?: (token: unknown) => boolean;
    }
  }
}
