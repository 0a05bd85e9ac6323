import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DownloadKind = 'roster' | 'summary' | 'own-data';

/** One download of personal data: who, when, which filter, how many rows (migration 1795400200000). */
@Entity('report_download')
export class ReportDownload {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 20 })
  kind: DownloadKind;

  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Column({ type: 'simple-json' })
  filter: Record<string, unknown>;

  /** Set when the file has been written; null if the download was cut off. */
  @Column({ type: 'integer', nullable: true })
  rowCount: number | null;

  @Index()
  @Column({ type: Date })
  createdAt: Date;
}
