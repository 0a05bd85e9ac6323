import { ConflictException, NotFoundException } from '@nestjs/common';

/** A certificate that cannot take this action in its state (already revoked or replaced). */
export class CertificateStateError extends ConflictException {
  constructor(public readonly key: 'notValid') {
    super(`certificates.errors.${key}`);
  }
}

/** Missing, or not the caller's to see: the same 404 either way, so an id reveals nothing. */
export class CertificateNotFoundError extends NotFoundException {
  constructor() {
    super('certificates.errors.notFound');
  }
}
