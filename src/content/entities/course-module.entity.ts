import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course.entity';
import { ModuleVersion } from './module-version.entity';

/**
 * 'lesson' is a module file (NN-key.<lang>.md); 'assessment' holds the pre/post-test questions (assessment.<lang>.md);
 * 'tool' is a printable tool (tools/<name>.<lang>.md, stored with the key "tools/<name>"), versioned like a module.
 */
export type ModuleKind = 'lesson' | 'assessment' | 'tool';

@Entity('course_module')
@Index(['courseId', 'key'], { unique: true })
export class CourseModule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  courseId: number;

  @ManyToOne(() => Course, (course) => course.modules, { onDelete: 'CASCADE' })
  course: Course;

  /** File key shared by all languages, e.g. "01-conceptos"; "assessment" for the test bank. */
  @Column({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'varchar', length: 20, default: 'lesson' })
  kind: ModuleKind;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer', default: 0 })
  minutes: number;

  /** False when the module file was removed from the course: kept so old attempts stay explainable. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @OneToMany(() => ModuleVersion, (version) => version.module)
  versions: ModuleVersion[];
}
