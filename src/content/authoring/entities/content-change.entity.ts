import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../users/user.entity';
import { Course } from '../../entities/course.entity';

/**
 * created/updated: a file got its first or a new version; deactivated/reactivated: a module
 * left or came back to the folder; deleted: a media file was removed.
 */
export type ContentChangeAction = 'created' | 'updated' | 'deactivated' | 'reactivated' | 'deleted';

/** One line of a course's history: who changed which file, when, and which version it became. */
@Entity('content_change')
@Index(['courseId', 'createdAt'])
export class ContentChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  courseId: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  course: Course;

  /** Null for imports from the content folder (startup or `npm run content:import`). */
  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  user: User | null;

  /** Path inside the course folder, e.g. "01-conceptos.es.md" or "media/ruta.png". */
  @Column({ type: 'varchar', length: 255 })
  file: string;

  @Column({ type: 'varchar', length: 20 })
  action: ContentChangeAction;

  /** The module version the change produced; null for course.md and media. */
  @Column({ type: 'integer', nullable: true })
  version: number | null;

  // Set from the injected clock (not a database default) so tests can date changes.
  @Column({ type: Date })
  createdAt: Date;
}
