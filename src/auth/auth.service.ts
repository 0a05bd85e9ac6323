import { HttpStatus, Injectable } from '@nestjs/common';
import { AccountTokensService } from '../account/account-tokens.service';
import { FormError } from '../common/errors';
import { User } from '../users/user.entity';
import { ThrottlingService } from '../throttling/throttling.service';
import { UsersService, normalizeEmail } from '../users/users.service';
import { PasswordHasher } from '../users/password-hasher';
import { UserSessionsService } from '../sessions/user-sessions.service';

// Verifying against a real hash when the account does not exist keeps the
// response time the same, so timing does not reveal which emails are registered.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$Pk9SiBA7SqQ57dOf1Mh+eQ$yUT+RP0WnH/moYodpzNNnVVYM50N3hvFXjwh1b7H0x8';

export const loginFailed = () => FormError.field('_form', 'auth.login.failed', undefined, HttpStatus.UNAUTHORIZED);

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttling: ThrottlingService,
    private readonly sessions: UserSessionsService,
    private readonly tokens: AccountTokensService,
  ) {}

  /**
   * Same message and status for an unknown email and a wrong password. Every
   * attempt is counted before the password is checked (one atomic increment
   * per bucket), so a burst of parallel attempts gets no more checks than the
   * limit; a successful sign-in clears the account's count and gives the
   * address its attempt back.
   */
  async authenticate(email: string, password: string, address: string): Promise<User> {
    const account = normalizeEmail(email);
    const [byAccount, byAddress] = await Promise.all([
      this.throttling.consume('signInAccount', account),
      this.throttling.consume('signInAddress', address),
    ]);
    if (!byAccount.allowed || !byAddress.allowed) {
      throw FormError.throttled('auth.login.throttled', Math.max(byAccount.retryAfterSeconds, byAddress.retryAfterSeconds));
    }
    const user = await this.users.findWithPasswordHash({ email });
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !valid) throw loginFailed();
    await Promise.all([this.throttling.reset('signInAccount', account), this.throttling.refund('signInAddress', address)]);
    await this.users.recordLogin(user.id);
    return user;
  }

  async changePassword(userId: number, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findWithPasswordHash({ id: userId });
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw FormError.field('currentPassword', 'auth.password.currentWrong');
    }
    await this.users.setPassword(userId, newPassword);
  }

  /**
   * Once the password changed and the session that changed it has its new id
   * (keepSessionId): every other session of the account ends, and set-password
   * links not used yet stop working.
   */
  async afterPasswordChange(userId: number, keepSessionId: string): Promise<void> {
    await this.sessions.endOtherSessions(userId, keepSessionId);
    await this.tokens.revokeUnused(userId, 'set-password');
  }
}
