import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course.entity';

/** Media files of a course (media/...), kept in the database so every instance serves them. */
@Entity('course_media')
@Index(['courseId', 'path'], { unique: true })
export class CourseMedia {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  courseId: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  course: Course;

  /** Relative to the course folder, e.g. "media/ruta.png". */
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  // Base64 text is portable across SQLite and PostgreSQL; media files are capped at 5 MB.
  @Column({ type: 'text' })
  dataBase64: string;

  @CreateDateColumn()
  createdAt: Date;
}
