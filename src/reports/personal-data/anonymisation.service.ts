import { Injectable } from '@nestjs/common';
import { CertificatesService } from '../../certificates/certificates.service';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';

/**
 * Anonymisation across features: the user row (UsersService.anonymise: name,
 * email, free text, no sign-in) and the holder name the certificates keep.
 * Lives in reports because reports may depend on every feature and nothing depends on it.
 */
@Injectable()
export class AnonymisationService {
  constructor(
    private readonly users: UsersService,
    private readonly certificates: CertificatesService,
  ) {}

  target(id: number): Promise<User | null> {
    return this.users.findById(id);
  }

  async anonymise(actor: { id: number; role: string }, userId: number): Promise<User> {
    const user = await this.users.anonymise(actor, userId);
    await this.eraseCertificateHolder(userId);
    return user;
  }

  /** The certificates' copy of the holder's name and their stored PDFs. */
  private eraseCertificateHolder(userId: number): Promise<void> {
    return this.certificates.removeHolderData(userId);
  }
}
