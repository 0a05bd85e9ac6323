import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CourseModule } from './course-module.entity';

export type CertificateType = 'completion' | 'participation';
export type Localized = Record<string, string>;

export interface CompletionRule {
  modules: boolean;
  quizzes: boolean;
  postTest: boolean;
}

export interface QuizSettings {
  maxAttempts: number; // 0 = unlimited
  grading: 'highest' | 'last';
  shuffle: boolean;
  timeLimitMinutes: number; // 0 = none
  showAnswers: boolean;
  passMark: number; // percent
}

/** A course as imported from its content folder; settings mirror course.md. */
@Entity('course')
export class Course {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 80, unique: true })
  slug: string;

  @Column({ type: 'simple-json' })
  title: Localized;

  @Column({ type: 'simple-json' })
  summary: Localized;

  @Column({ type: 'varchar', length: 30 })
  topic: string;

  @Column({ type: 'float' })
  hours: number;

  /** Languages in order of preference, e.g. ['es', 'en']. */
  @Column({ type: 'simple-array' })
  languages: string[];

  @Column({ type: 'integer' })
  passMark: number;

  @Column({ type: 'varchar', length: 20 })
  certificateType: CertificateType;

  @Column({ type: 'boolean', default: false })
  hasPreTest: boolean;

  @Column({ type: 'boolean', default: false })
  hasPostTest: boolean;

  @Column({ type: 'simple-json' })
  completionRule: CompletionRule;

  @Column({ type: 'simple-json' })
  quizDefaults: QuizSettings;

  /** sha256 of course.md: an unchanged file causes no write on import. */
  @Column({ type: 'varchar', length: 64 })
  sourceHash: string;

  /** course.md exactly as written (editor and zip export); added by migration 1795300002000. */
  @Column({ type: 'text', nullable: true })
  sourceText: string | null;

  /** Hash of the content folder at the last import from disk, so a restart does not undo browser edits (migration 1795300002000). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  importedFolderHash: string | null;

  @Column({ type: 'boolean', default: true })
  published: boolean;

  @OneToMany(() => CourseModule, (module) => module.course)
  modules: CourseModule[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
