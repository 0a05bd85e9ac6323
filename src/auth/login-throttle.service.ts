import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { LoginThrottle } from './login-throttle.entity';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

const MINUTE = 60_000;
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };

/** Pure: is a key blocked at this moment? */
export function isBlocked(row: Pick<LoginThrottle, 'blockedUntil'> | null, now: number): boolean {
  return !!row?.blockedUntil && row.blockedUntil > now;
}

/**
 * Counts failed logins per account and per address in the database, so the
 * limit holds across restarts and across every instance of the site.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottle) private readonly throttles: Repository<LoginThrottle>,
    private readonly clock: Clock,
  ) {}

  async anyBlocked(keys: string[]): Promise<boolean> {
    const now = this.clock.now().getTime();
    const rows = await Promise.all(keys.map((key) => this.throttles.findOneBy({ key })));
    return rows.some((row) => isBlocked(row, now));
  }

  async recordFailure(key: string, rule: ThrottleRule): Promise<void> {
    const now = this.clock.now().getTime();
    const existing = await this.throttles.findOneBy({ key });
    if (!existing || now - existing.windowStartedAt > rule.windowMs) {
      await this.throttles.upsert({ key, failures: 1, windowStartedAt: now, blockedUntil: null }, ['key']);
      return;
    }
    // An atomic increment, so two instances counting at once do not lose a failure.
    await this.throttles.increment({ key }, 'failures', 1);
    const updated = await this.throttles.findOneByOrFail({ key });
    if (updated.failures >= rule.maxFailures) {
      await this.throttles.update({ key }, { blockedUntil: now + rule.blockMs });
    }
  }

  async reset(key: string): Promise<void> {
    await this.throttles.delete({ key });
  }
}
