import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The privacy notice shown at registration, one row per language, set by an admin (migration 1795400200000). */
@Entity('privacy_notice')
export class PrivacyNotice {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  language: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;

  @Column({ type: Date })
  updatedAt: Date;
}
