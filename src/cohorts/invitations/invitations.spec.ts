import { invitationState } from './cohort-invitation.entity';
import { splitEmails } from './invitations.service';

describe('invitations', () => {
  it('splits a pasted list on commas, semicolons, spaces and lines, removing repeats and keeping the invalid apart', () => {
    expect(splitEmails('Ana@Example.org; luis@example.org,\n<marta@example.org>\tmailto:ana@example.org  no-es-correo ;;')).toEqual({
      valid: ['ana@example.org', 'luis@example.org', 'marta@example.org'],
      invalid: ['no-es-correo'],
    });
    expect(splitEmails('  \n ')).toEqual({ valid: [], invalid: [] });
  });

  it('derives the state shown to staff', () => {
    const now = new Date(Date.UTC(2026, 5, 1));
    const later = new Date(Date.UTC(2026, 6, 1));
    const earlier = new Date(Date.UTC(2026, 4, 1));
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('pending');
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe('expired');
    expect(invitationState({ acceptedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe('revoked');
    expect(invitationState({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('accepted');
  });
});
