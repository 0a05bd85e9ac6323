import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Course } from '../content/entities/course.entity';
import { User } from '../users/user.entity';

/**
 * pending: asked to join, waiting for a facilitator; active: learning; declined: request refused;
 * withdrawn: left (record kept); moved: replaced by an enrolment in another cohort of the same course.
 */
/**
 * What an enrolment knows of its cohort. Cohorts own the cohort table and sit
 * above enrolments, so the relation names its target ('Cohort') instead of
 * importing the entity; cohorts' Cohort entity fits this shape.
 */
export interface EnrolmentCohort {
  id: number;
  courseId: number;
  name: string;
  country: string;
  startsAt: Date;
  endsAt: Date;
  archivedAt: Date | null;
}

export type EnrolmentStatus = 'pending' | 'active' | 'declined' | 'withdrawn' | 'moved';

/**
 * A learner in a course, through a cohort. Progress and attempts belong to the
 * learner and the course, not to the enrolment, so a move between cohorts keeps them.
 */
@Entity('enrolment')
// At most one active enrolment per learner and course, enforced by the database even under concurrency.
@Index('UQ_enrolment_active_per_course', ['userId', 'courseId'], { unique: true, where: "status = 'active'" })
export class Enrolment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: User;

  @Index()
  @Column({ type: 'integer' })
  courseId: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  course: Course;

  @Index()
  @Column({ type: 'integer', nullable: true })
  cohortId: number | null;

  @ManyToOne('Cohort', { onDelete: 'SET NULL', nullable: true })
  cohort: EnrolmentCohort | null;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: EnrolmentStatus;

  @Column({ type: Date, nullable: true })
  completedAt: Date | null;

  /** A facilitator may let a learner keep attempting after the cohort ends. */
  @Column({ type: Date, nullable: true })
  accessExtendedUntil: Date | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  lastModuleKey: string | null;

  @Column({ type: Date, nullable: true })
  lastActivityAt: Date | null;

  @Column({ type: 'float', nullable: true })
  preTestScore: number | null;

  @Column({ type: 'float', nullable: true })
  postTestScore: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
