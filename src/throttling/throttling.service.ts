import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { sqliteStoreClient } from './sqlite-store-client';
import { BucketRule, RATE_LIMIT_TABLE, THROTTLE_BUCKETS, ThrottleBucket } from './throttle-buckets';

export interface ThrottleResult {
  allowed: boolean;
  /** Seconds until the next attempt is allowed again (0 when allowed). */
  retryAfterSeconds: number;
}

const CLEANUP_EVERY_MS = 5 * 60_000;

/**
 * Every limit of the site, counted by rate-limiter-flexible in the database
 * TypeORM already holds (RateLimiterSQLite on the driver's `sqlite3` Database,
 * RateLimiterPostgres on its `pg` pool). Each `consume` is one atomic upsert
 * that increments and returns the count, so parallel requests and several
 * instances can never pass more attempts than the bucket allows.
 * Keys are stored hashed: the table holds no emails or addresses.
 */
@Injectable()
export class ThrottlingService implements OnModuleDestroy {
  private readonly limiters = new Map<ThrottleBucket, RateLimiterAbstract>();
  private readonly cleanup: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    for (const [bucket, rule] of Object.entries(THROTTLE_BUCKETS) as [ThrottleBucket, BucketRule][]) {
      this.limiters.set(bucket, this.limiterFor(bucket, rule));
    }
    this.cleanup = setInterval(() => void this.deleteExpired().catch(() => undefined), CLEANUP_EVERY_MS);
    this.cleanup.unref();
  }

  /** Counts one attempt and says whether it is within the bucket's limit. */
  async consume(bucket: ThrottleBucket, key: string): Promise<ThrottleResult> {
    try {
      await this.limiter(bucket).consume(storedKey(key));
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes)
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      throw outcome;
    }
  }

  /** Gives one attempt back (a successful sign-in from a shared address). */
  async refund(bucket: ThrottleBucket, key: string): Promise<void> {
    await this.limiter(bucket).reward(storedKey(key), 1);
  }

  /** Forgets the key's count (a successful sign-in clears the account's failures). */
  async reset(bucket: ThrottleBucket, key: string): Promise<void> {
    await this.limiter(bucket).delete(storedKey(key));
  }

  onModuleDestroy(): void {
    clearInterval(this.cleanup);
  }

  /** Expired rows are only garbage; removed an hour after they expired. */
  private async deleteExpired(): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(RATE_LIMIT_TABLE)
      .where('expire < :before', { before: Date.now() - 3_600_000 })
      .execute();
  }

  private limiter(bucket: ThrottleBucket): RateLimiterAbstract {
    const limiter = this.limiters.get(bucket);
    if (!limiter) throw new Error(`Unknown throttle bucket ${bucket}`);
    return limiter;
  }

  private limiterFor(bucket: ThrottleBucket, rule: BucketRule): RateLimiterAbstract {
    // The table comes from a migration: tableCreated stops the library from creating it at request time.
    const common = {
      keyPrefix: bucket,
      points: rule.points,
      duration: rule.durationSeconds,
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
    };
    if (this.dataSource.options.type === 'postgres') {
      const pool = (this.dataSource.driver as unknown as { master: unknown }).master;
      return new RateLimiterPostgres({ ...common, storeClient: pool, storeType: 'pool' });
    }
    return new RateLimiterSQLite({ ...common, storeClient: sqliteStoreClient(this.dataSource), storeType: 'sqlite3' });
  }
}

/** Emails and addresses are personal data: only a digest is stored (fixed length, any characters). */
function storedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
