import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Signatory } from './certificate.entity';

/**
 * The one row (id 1) of issuer settings an admin edits in the browser. The logo's bytes
 * (column "logo") are read and written by CertificateSettingsService with plain SQL.
 */
@Entity('certificate_settings')
export class CertificateSettings {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  /** Per language: { es: '…', en: '…' }. */
  @Column({ type: 'simple-json' })
  issuerName: Record<string, string>;

  @Column({ type: 'simple-json' })
  signatories: Signatory[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  logoType: string | null;

  @Column({ type: Date })
  updatedAt: Date;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;
}
