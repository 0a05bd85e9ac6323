import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secret-token';

export const SET_PASSWORD_LINK_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues and redeems single-use account links; the raw token only ever exists in the link. */
@Injectable()
export class AccountTokensService {
  constructor(
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
    private readonly clock: Clock,
  ) {}

  /** Pass the manager of an open transaction to issue the token as part of it (bulk enrolment does). */
  async issue(userId: number, purpose: AccountTokenPurpose, manager?: EntityManager): Promise<string> {
    const { token, hash } = newSecretToken();
    const repository = manager ? manager.getRepository(AccountToken) : this.tokens;
    await repository.insert({
      userId, purpose, tokenHash: hash, expiresAt: new Date(this.clock.now().getTime() + SET_PASSWORD_LINK_DAYS * DAY_MS), usedAt: null,
    });
    return token;
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
