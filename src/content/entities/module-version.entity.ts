import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseModule } from './course-module.entity';
import { QuizSettings } from './course.entity';

export interface StoredOption {
  id: string; // 'a', 'b', ... by position, the same in every language
  textHtml: string;
  correct: boolean;
  feedbackHtml?: string;
}

export interface StoredQuestion {
  id: string;
  type: 'single' | 'multiple' | 'truefalse';
  /** The learning objective the question assesses ("o1"; "01:o1" in the pre/post-test), when tagged. */
  objective?: string;
  promptHtml: string;
  options: StoredOption[];
  explanationHtml?: string;
}

export interface StoredObjective {
  id: string;
  text: string;
}

/**
 * One language of one module at one point in time. A changed file makes a new
 * version (the old one stays, flagged not current) so quiz attempts keep pointing
 * at exactly the questions they answered.
 */
@Entity('module_version')
@Index(['moduleId', 'language', 'version'], { unique: true })
export class ModuleVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  moduleId: number;

  @ManyToOne(() => CourseModule, (module) => module.versions, { onDelete: 'CASCADE' })
  module: CourseModule;

  @Column({ type: 'varchar', length: 5 })
  language: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean', default: true })
  current: boolean;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The facilitator's Markdown, exactly as written (for the editor and the zip export). */
  @Column({ type: 'text' })
  sourceText: string;

  @Column({ type: 'varchar', length: 64 })
  sourceHash: string;

  /** Rendered and sanitised once, at import or save; never per request. */
  @Column({ type: 'text' })
  lessonHtml: string;

  /** Questions with their correct answers: server-side only, never sent before submission. */
  @Column({ type: 'simple-json' })
  questions: StoredQuestion[];

  /** questions.length, stored at import so a syllabus never loads the questions to count them (migration 1795400500000). */
  @Column({ type: 'integer', default: 0 })
  questionCount: number;

  @Column({ type: 'simple-json' })
  quizSettings: QuizSettings;

  /** The module's learning objectives in the order written; null for versions imported before objectives existed and for assessments and tools. */
  @Column({ type: 'simple-json', nullable: true })
  objectives: StoredObjective[] | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
