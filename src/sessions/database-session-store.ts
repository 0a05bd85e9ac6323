import type { Request } from 'express';
import { SessionData, Store } from 'express-session';
import { LessThan, Repository } from 'typeorm';
import { entityColumns, parameter, readRows } from '../database/raw-read';
import { User } from '../users/user.entity';
import { SessionRecord } from './session.entity';

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const CLEANUP_EVERY_MS = 15 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
const MAX_REMEMBERED_TOUCHES = 10_000;

/** Pure: the id Passport keeps for the signed-in user (see SessionSerializer), or null. */
export function sessionUserId(session: SessionData): number | null {
  const user = (session as SessionData & { passport?: { user?: unknown } }).passport?.user;
  return typeof user === 'number' && Number.isInteger(user) ? user : null;
}

const usersReadWithSession = new WeakMap<object, User>();

/** The signed-in user read together with the request's session (one query for both), if any. */
export function userReadWithSession(request: Request): User | undefined {
  return usersReadWithSession.get(request);
}

/**
 * Sessions kept in the application database, so they survive restarts and are
 * shared by every instance behind a load balancer. Upserts keep concurrent
 * writes of one session from colliding.
 */
export class DatabaseSessionStore extends Store {
  private lastCleanup = 0;
  private readonly lastTouched = new Map<string, number>();
  private readonly usersBySession = new WeakMap<object, User>();
  private sessionQuery: string | undefined;

  constructor(private readonly sessions: Repository<SessionRecord>) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    // The session's user comes in the same query, so a signed-in page view costs one lookup, not two.
    const dataSource = this.sessions.manager.connection;
    const user = entityColumns(dataSource, User, 'user');
    const session = entityColumns(dataSource, SessionRecord, 'session');
    // Written once: this runs for every request of a signed-in user (raw SQL, see database/raw-read.ts).
    this.sessionQuery ??=
      `SELECT ${session.select}, ${user.select} FROM ${session.table} "session"` +
      ` LEFT JOIN ${user.table} "user" ON "user".${user.column('id')} = "session".${session.column('userId')}` +
      ` WHERE "session".${session.column('id')} = ${parameter(dataSource, 1)}`;
    readRows(dataSource, this.sessionQuery, [sid])
      .then((rows) => {
        const row = rows[0] ? session.hydrate(rows[0]) : null;
        if (!row || row.expiresAt <= Date.now()) return callback(null, null);
        const data = JSON.parse(row.data) as SessionData;
        const signedIn = user.hydrate(rows[0]);
        if (signedIn) this.usersBySession.set(data, signedIn);
        callback(null, data);
      })
      .catch((error: unknown) => callback(error));
  }

  /** Hands the user read with the session to the request, where the session serializer picks it up. */
  override createSession(request: Request, session: SessionData): ReturnType<Store['createSession']> {
    const user = this.usersBySession.get(session);
    if (user) usersReadWithSession.set(request, user);
    return super.createSession(request, session);
  }

  override set(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    const row = { id: sid, data: JSON.stringify(session), expiresAt: this.expiryOf(session), userId: sessionUserId(session) };
    // A write re-dates the session too: no touch needed for the next minute.
    this.rememberTouch(sid, Date.now());
    this.sessions
      .upsert(row, ['id'])
      .then(() => this.cleanupNowAndThen())
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override touch(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    // A rolling 12-hour session need not be re-dated on every page view: once a minute is plenty.
    const now = Date.now();
    if (now - (this.lastTouched.get(sid) ?? 0) < TOUCH_EVERY_MS) return callback?.();
    this.rememberTouch(sid, now);
    this.sessions
      .update({ id: sid }, { expiresAt: this.expiryOf(session) })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.lastTouched.delete(sid);
    this.sessions
      .delete({ id: sid })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  private rememberTouch(sid: string, now: number): void {
    if (this.lastTouched.size > MAX_REMEMBERED_TOUCHES) this.lastTouched.clear();
    this.lastTouched.set(sid, now);
  }

  private expiryOf(session: SessionData): number {
    const expires = session.cookie?.expires;
    if (expires) return new Date(expires).getTime();
    return Date.now() + (session.cookie?.maxAge ?? DEFAULT_TTL_MS);
  }

  private async cleanupNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    await this.sessions.delete({ expiresAt: LessThan(now) });
  }
}
