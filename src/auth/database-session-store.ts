import { SessionData, Store } from 'express-session';
import { LessThan, Repository } from 'typeorm';
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

/**
 * Sessions kept in the application database, so they survive restarts and are
 * shared by every instance behind a load balancer. Upserts keep concurrent
 * writes of one session from colliding.
 */
export class DatabaseSessionStore extends Store {
  private lastCleanup = 0;
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly sessions: Repository<SessionRecord>) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.sessions
      .findOneBy({ id: sid })
      .then((row) => {
        if (!row || row.expiresAt <= Date.now()) return callback(null, null);
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    const row = { id: sid, data: JSON.stringify(session), expiresAt: this.expiryOf(session), userId: sessionUserId(session) };
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
    if (this.lastTouched.size > MAX_REMEMBERED_TOUCHES) this.lastTouched.clear();
    this.lastTouched.set(sid, now);
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
