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
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting Express's own namespace
  namespace Express {
    interface User {
      id: number;
      role: string;
      preferredLanguage: string;
    }
    interface Request {
      formView?: string;
      lang?: string;
    }
  }
}
