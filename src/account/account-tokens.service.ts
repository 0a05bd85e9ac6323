import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secret-token';

export const SET_PASSWORD_LINK_DAYS = 14;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** An admin passes the link on by hand (a call, a message): a few days. */
export const ADMIN_LINK_MS = 3 * DAY_MS;
/** Asked for by email by whoever typed the address: one day is enough to open the mail. */
export const REQUESTED_LINK_MS = 24 * HOUR_MS;

/** Issues and redeems single-use account links; the raw token only ever exists in the link. */
@Injectable()
export class AccountTokensService {
  constructor(
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
    private readonly clock: Clock,
  ) {}

  /** Pass the manager of an open transaction to issue the token as part of it (bulk enrolment does). */
  async issue(userId: number, purpose: AccountTokenPurpose, manager?: EntityManager): Promise<string> {
    return (await this.issueFor(userId, purpose, SET_PASSWORD_LINK_DAYS * DAY_MS, manager)).token;
  }

  /** A token valid for lifetimeMs from now, with its expiry (to tell the person). */
  async issueFor(
    userId: number,
    purpose: AccountTokenPurpose,
    lifetimeMs: number,
    manager?: EntityManager,
  ): Promise<{ token: string; expiresAt: Date }> {
    const { token, hash } = newSecretToken();
    const repository = manager ? manager.getRepository(AccountToken) : this.tokens;
    const expiresAt = new Date(this.clock.now().getTime() + lifetimeMs);
    await repository.insert({ userId, purpose, tokenHash: hash, expiresAt, usedAt: null });
    return { token, expiresAt };
  }

  /** Links not used yet stop working (after the password was changed another way). */
  async revokeUnused(userId: number, purpose: AccountTokenPurpose): Promise<void> {
    await this.tokens.update({ userId, purpose, usedAt: IsNull() }, { usedAt: this.clock.now() });
  }

  /** The unused, unexpired token behind a link, or null (same answer for unknown, used and expired). */
  async findUsable(token: string, purpose: AccountTokenPurpose): Promise<AccountToken | null> {
    if (!looksLikeSecretToken(token)) return null;
    return this.tokens.findOne({
      where: { tokenHash: hashSecretToken(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      relations: { user: true },
    });
  }

  /**
   * Marks the token used in one conditional UPDATE, so two simultaneous
   * submissions of the same link cannot both succeed. Returns the user id, or null.
   */
  async redeem(token: string, purpose: AccountTokenPurpose): Promise<number | null> {
    const found = await this.findUsable(token, purpose);
    if (!found) return null;
    const now = this.clock.now();
    const result = await this.tokens.update({ id: found.id, usedAt: IsNull() }, { usedAt: now });
    if (result.affected !== 1) return null;
    // Older links for the same account stop working once one has been used.
    await this.tokens.update({ userId: found.userId, purpose, usedAt: IsNull() }, { usedAt: now });
    return found.userId;
  }
}
