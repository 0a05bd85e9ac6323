import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AttemptLayout, StoredAnswers } from '../grading/quiz.types';

export type QuizKind = 'module' | 'pre' | 'post';
export type AttemptStatus = 'open' | 'submitted';

/**
 * One try at a quiz. It points at the exact module version answered and keeps
 * the order in which questions and options were shown, so a result can always
 * be explained later, even after the module is edited.
 */
@Entity('quiz_attempt')
@Index('UQ_quiz_attempt_number', ['userId', 'moduleId', 'kind', 'attemptNumber'], { unique: true })
@Index('UQ_quiz_attempt_open', ['userId', 'moduleId', 'kind'], { unique: true, where: "status = 'open'" })
@Index(['userId', 'courseId'])
export class QuizAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @Index()
  @Column({ type: 'integer' })
  courseId: number;

  /** The lesson module, or the course's 'assessment' module for the pre- and post-test. */
  @Column({ type: 'integer' })
  moduleId: number;

  @Column({ type: 'integer' })
  moduleVersionId: number;

  @Column({ type: 'varchar', length: 10 })
  kind: QuizKind;

  /** 1, 2, 3... per learner and quiz. */
  @Column({ type: 'integer' })
  attemptNumber: number;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: AttemptStatus;

  /** Language of the version the attempt was started in (question ids are the same in every language). */
  @Column({ type: 'varchar', length: 5 })
  language: string;

  @Column({ type: 'simple-json' })
  layout: AttemptLayout;

  @Column({ type: 'simple-json', nullable: true })
  answers: StoredAnswers | null;

  @Column({ type: Date })
  startedAt: Date;

  /** Server time by which the attempt must be submitted; null without a time limit. */
  @Column({ type: Date, nullable: true })
  deadlineAt: Date | null;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'integer' })
  questionCount: number;

  @Column({ type: 'integer', nullable: true })
  correctCount: number | null;

  /** Percentage 0-100 as recorded (0 for a late submission). */
  @Column({ type: 'float', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  /** The pass mark in force when the attempt started. */
  @Column({ type: 'integer' })
  passMark: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
