import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Course } from '../../content/entities/course.entity';

export type EnrolmentMode = 'open' | 'key' | 'approval' | 'invitation';

/** One edition of a course in one country, e.g. "Niñez migrante, 2.ª edición, El Salvador". */
@Entity('cohort')
export class Cohort {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  courseId: number;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  course: Course;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  country: string;

  @Column({ type: Date })
  startsAt: Date;

  @Column({ type: Date })
  endsAt: Date;

  @Column({ type: Date, nullable: true })
  enrolmentOpensAt: Date | null;

  @Column({ type: Date, nullable: true })
  enrolmentClosesAt: Date | null;

  /** Null = no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  enrolmentMode: EnrolmentMode;

  @Column({ type: 'varchar', length: 100, nullable: true })
  enrolmentKey: string | null;

  /** Learners may open the modules before startsAt (off by default: they see the start date and wait). */
  @Column({ type: 'boolean', default: false })
  earlyAccess: boolean;

  @Column({ type: Date, nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
