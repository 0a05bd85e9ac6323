import { Injectable } from '@nestjs/common';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';

/**
 * Anonymisation across features: the user row (UsersService.anonymise: name,
 * email, free text, no sign-in) and the holder name the certificates keep.
 * Lives in reports because reports may depend on every feature and nothing depends on it.
 */
@Injectable()
export class AnonymisationService {
  constructor(private readonly users: UsersService) {}

  target(id: number): Promise<User | null> {
    return this.users.findById(id);
  }

  async anonymise(actor: { id: number; role: string }, userId: number): Promise<User> {
    const user = await this.users.anonymise(actor, userId);
    await this.eraseCertificateHolder(userId);
    return user;
  }

  /** The certificates' copy of the holder's name; wired once CertificatesService offers it. */
  private async eraseCertificateHolder(_userId: number): Promise<void> {
    await Promise.resolve();
  }
}
