import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/user.entity';
import { Cohort } from '../entities/cohort.entity';

/** An invitation to one cohort for one email address; the link carries a token whose hash is stored here. */
@Entity('cohort_invitation')
@Index(['cohortId', 'email'])
export class CohortInvitation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  cohortId: number;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  cohort: Cohort;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: 'integer', nullable: true })
  invitedById: number | null;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  acceptedUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  acceptedUser: User | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'revoked';

export function invitationState(invitation: Pick<CohortInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}
