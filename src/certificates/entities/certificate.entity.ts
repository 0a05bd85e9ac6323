import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CertificateKind = 'completion' | 'participation';
export type CertificateStatus = 'valid' | 'revoked' | 'replaced';
export const REVOKE_REASONS = ['issued_in_error', 'identity', 'misconduct', 'other'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

export interface Signatory {
  name: string;
  title: Record<string, string>;
}

/** The issuer as printed on this certificate, frozen at issue time. */
export interface IssuerSnapshot {
  name: Record<string, string>;
  signatories: Signatory[];
}

/**
 * One certificate: what it says is frozen when it is issued. Its PDF bytes live in
 * certificate_pdf (read and written by CertificatePdfStore), so lists never load them.
 */
@Entity('certificate')
@Index('UQ_certificate_current', ['enrolmentId', 'kind'], { unique: true, where: "status <> 'replaced'" })
export class Certificate {
  @PrimaryGeneratedColumn()
  id: number;

  /** Canonical form (no dashes); print with formatPublicCode. */
  @Column({ type: 'varchar', length: 28, unique: true })
  code: string;

  @Column({ type: 'integer' })
  enrolmentId: number;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @Index()
  @Column({ type: 'integer' })
  courseId: number;

  @Index()
  @Column({ type: 'integer', nullable: true })
  cohortId: number | null;

  @Column({ type: 'varchar', length: 20 })
  kind: CertificateKind;

  @Column({ type: 'varchar', length: 12, default: 'valid' })
  status: CertificateStatus;

  @Column({ type: 'varchar', length: 5 })
  language: string;

  @Column({ type: 'varchar', length: 120 })
  holderName: string;

  @Column({ type: 'varchar', length: 300 })
  courseTitle: string;

  @Column({ type: 'float' })
  hours: number;

  @Column({ type: 'varchar', length: 160, nullable: true })
  cohortName: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  cohortCountry: string | null;

  @Column({ type: Date })
  completedAt: Date;

  @Column({ type: 'simple-json' })
  issuer: IssuerSnapshot;

  @Column({ type: Date })
  issuedAt: Date;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedReason: RevokeReason | null;

  @Column({ type: 'integer', nullable: true })
  replacedById: number | null;

  /** The signed Open Badges 3.0 credential (VC-JWT), made with the PDF. */
  @Column({ type: 'text', nullable: true })
  credential: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
