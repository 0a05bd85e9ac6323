import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../database/bigint-transformer';

@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  windowStartedAt: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  blockedUntil: number | null;
}
