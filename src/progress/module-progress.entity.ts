import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One learner's progress in one module. Keyed by learner, course and module
 * (not by enrolment) so moving to another cohort of the same course keeps it.
 */
@Entity('module_progress')
@Index('UQ_module_progress_user_module', ['userId', 'courseId', 'moduleId'], { unique: true })
export class ModuleProgress {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @Index()
  @Column({ type: 'integer' })
  courseId: number;

  @Column({ type: 'integer' })
  moduleId: number;

  /** Set once, when the learner marks the module as complete. */
  @Column({ type: Date, nullable: true })
  completedAt: Date | null;

  /** The module quiz's grade across attempts (highest or last, per the quiz settings). */
  @Column({ type: 'float', nullable: true })
  quizScore: number | null;

  @Column({ type: 'boolean', default: false })
  quizPassed: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
