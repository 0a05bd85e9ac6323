import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../common/roles';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  institution: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  institutionOther: string | null;

  @Column({ type: 'varchar', length: 120 })
  position: string;

  @Column({ type: 'varchar', length: 8 })
  country: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  countryOther: string | null;

  @Column({ type: 'varchar', length: 80 })
  department: string;

  @Column({ type: 'varchar', length: 120 })
  dutyStation: string;

  @Column({ type: 'varchar', length: 20 })
  sex: string;

  @Column({ type: 'varchar', length: 10 })
  ageGroup: string;

  @Column({ type: 'varchar', length: 5, default: 'es' })
  preferredLanguage: string;

  @Column({ type: 'varchar', length: 20, default: 'learner' })
  role: Role;

  // `type: Date` lets TypeORM pick datetime (SQLite) or timestamp (PostgreSQL).
  @Column({ type: Date })
  dataConsentAt: Date;

  @Column({ type: Date, nullable: true })
  lastLoginAt: Date | null;

  /** Set when an admin erased the person's data on request (migration 1795400200000); the account can no longer sign in. */
  @Column({ type: Date, nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
