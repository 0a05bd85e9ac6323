import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CertificateAction = 'issued' | 'revoked' | 'reissued';

/** The audit trail: who (null = the platform), when and why, for every issue, revoke and reissue. */
@Entity('certificate_event')
export class CertificateEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  certificateId: number;

  @Column({ type: 'varchar', length: 12 })
  action: CertificateAction;

  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: Date })
  at: Date;
}
