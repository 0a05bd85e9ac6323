import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import passport from 'passport';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { userReadWithSession } from '../sessions/database-session-store';

/**
 * Only the user id lives in the session; the user is read fresh on each
 * request (together with the session row, see DatabaseSessionStore), so role
 * changes apply at once; an anonymised account's sessions end at once.
 */
@Injectable()
export class SessionSerializer {
  constructor(private readonly users: UsersService) {
    passport.serializeUser((user: Express.User, done: (err: unknown, id?: number) => void) => done(null, user.id));
    passport.deserializeUser((request: Request, id: number, done: (err: unknown, user?: User | false) => void) => {
      const known = userReadWithSession(request);
      if (known && known.id === id) return done(null, known.anonymisedAt ? false : known);
      this.users
        .findById(id)
        .then((user) => done(null, user && !user.anonymisedAt ? user : false))
        .catch((error: unknown) => done(error));
    });
  }
}
