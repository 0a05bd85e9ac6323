import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/user.entity';
import { Cohort } from '../entities/cohort.entity';
import type { PlannedRow } from './bulk-plan';
import type { ParsedRow } from './bulk-rows';

export type BulkImportStatus = 'preview' | 'applied' | 'discarded';

/** An uploaded participant list, kept on the server between the preview and the coordinator's confirmation. */
@Entity('bulk_import')
@Index(['cohortId'])
export class BulkImport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  cohortId: number;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  cohort: Cohort;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  createdBy: User | null;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 20, default: 'preview' })
  status: BulkImportStatus;

  @Column({ type: 'simple-json' })
  rows: ParsedRow[];

  @Column({ type: 'simple-json', nullable: true })
  results: PlannedRow[] | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  appliedAt: Date | null;
}
