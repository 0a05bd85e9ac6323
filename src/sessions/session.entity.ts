import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../database/bigint-transformer';

@Entity('session')
export class SessionRecord {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id: string;

  @Index()
  @Column({ type: 'bigint', transformer: bigintNumber })
  expiresAt: number;

  @Column({ type: 'text' })
  data: string;

  /** The signed-in user (passport.user), so their other sessions can be ended; null before sign-in. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  userId: number | null;
}
