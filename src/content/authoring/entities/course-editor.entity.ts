import { CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../../users/user.entity';
import { Course } from '../../entities/course.entity';

/** A facilitator allowed to edit one course (admins may edit every course without a row here). */
@Entity('course_editor')
export class CourseEditor {
  @PrimaryColumn({ type: 'integer' })
  courseId: number;

  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  course: Course;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: User;

  @CreateDateColumn()
  createdAt: Date;
}
