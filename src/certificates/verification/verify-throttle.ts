import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { isPostgres } from '../../database/portable-columns';

/** Lookups per address and window on the public verification pages (enumeration guard). */
export const VERIFY_LIMIT = { points: 20, durationSeconds: 5 * 60 };

/**
 * Counts verification lookups per client address in the database, so the limit holds
 * under parallel requests and across instances. Each lookup is ONE statement, an
 * upsert that increments (or restarts an expired window) and returns the new count:
 * atomic on SQLite and PostgreSQL alike. The table and the statement follow
 * rate-limiter-flexible's RateLimiterSQLite/RateLimiterPostgres layout
 * (key, points, expire in ms), so moving to a shared throttling service on that
 * library is a change of this class only. (The library itself is not used here:
 * its SQLite store wraps the upsert in savepoints on its own connection, which
 * under lock contention with the app's connection can leave a transaction open.)
 */
@Injectable()
export class VerifyThrottle {
  private readonly logger = new Logger(VerifyThrottle.name);
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly data: DataSource,
    private readonly clock: Clock,
  ) {}

  /** True when this address may look up one more code now. */
  async consume(address: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const key = `verify:${address || 'unknown'}`.slice(0, 255);
    const expire = now + VERIFY_LIMIT.durationSeconds * 1000;
    const p = isPostgres(this.data) ? ['$1', '$2', '$3'] : ['?', '?', '?'];
    // The leading comment matters on SQLite: TypeORM runs statements starting with "INSERT " without
    // returning rows, so the RETURNING clause would be lost.
    const sql =
      `/* verify throttle */ INSERT INTO "certificate_verify_limit" ("key", "points", "expire") VALUES (${p[0]}, 1, ${p[1]}) ` +
      `ON CONFLICT ("key") DO UPDATE SET ` +
      `"points" = CASE WHEN "certificate_verify_limit"."expire" > ${p[2]} THEN "certificate_verify_limit"."points" + 1 ELSE 1 END, ` +
      `"expire" = CASE WHEN "certificate_verify_limit"."expire" > ${p[2]} THEN "certificate_verify_limit"."expire" ELSE excluded."expire" END ` +
      `RETURNING "points"`;
    try {
      const rows = (await this.data.query(sql, [key, expire, now])) as { points: number | string }[];
      await this.cleanup(now);
      return Number(rows[0]?.points ?? 0) <= VERIFY_LIMIT.points;
    } catch (error) {
      // A database hiccup must not take the public page down: log it and let the lookup through.
      this.logger.error(`Verification throttle unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  }

  /** Expired windows are deleted now and then, so the table stays as small as the set of recent addresses. */
  private async cleanup(now: number): Promise<void> {
    if (now - this.lastCleanup < 10 * 60 * 1000) return;
    this.lastCleanup = now;
    await this.data.query(`DELETE FROM "certificate_verify_limit" WHERE "expire" < ${isPostgres(this.data) ? '$1' : '?'}`, [
      now - 60 * 60 * 1000,
    ]);
  }
}
