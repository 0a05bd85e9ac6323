import { Injectable, NotFoundException } from '@nestjs/common';
import { UserSessionsService } from '../sessions/user-sessions.service';
import { Clock } from '../common/clock';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccountTokensService } from './account-tokens.service';

/** Stored instead of a hash for accounts created without a password: no password ever verifies against it. */
export const NO_PASSWORD_HASH = '!unset';

@Injectable()
export class AccountService {
  constructor(
    private readonly tokens: AccountTokensService,
    private readonly users: UsersService,
    private readonly sessions: UserSessionsService,
    private readonly clock: Clock,
  ) {}

  /** The account behind a set-password link, or a 404 explaining that the link no longer works. */
  async accountForLink(token: string): Promise<User> {
    const found = await this.tokens.findUsable(token, 'set-password');
    if (!found) throw new NotFoundException('account.setPassword.invalid');
    return found.user;
  }

  async setPasswordWithLink(token: string, password: string): Promise<User> {
    const userId = await this.tokens.redeem(token, 'set-password');
    if (userId === null) throw new NotFoundException('account.setPassword.invalid');
    await this.users.setPassword(userId, password);
    return this.users.recordConsent(userId, this.clock.now());
  }

  /** Once the new password is set and this browser is signed in (keepSessionId): every other session of the account ends. */
  async endOtherSessions(userId: number, keepSessionId: string): Promise<void> {
    await this.sessions.endOtherSessions(userId, keepSessionId);
  }
}
