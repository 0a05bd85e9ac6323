import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { User } from '../../users/user.entity';
import { Course } from '../entities/course.entity';
import { CourseEditor } from './entities/course-editor.entity';

export type Actor = Pick<User, 'id' | 'role'>;

/** Who may edit which course: admins every course, facilitators the courses an admin assigned to them. */
@Injectable()
export class AuthoringAccessService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseEditor) private readonly editors: Repository<CourseEditor>,
  ) {}

  /** The course, or 404 both when it does not exist and when the actor may not edit it (nothing to learn by probing). */
  async editableCourse(actor: Actor, slug: string): Promise<Course> {
    const course = await this.courses.findOne({ where: { slug } });
    if (!course || !(await this.mayEdit(actor, course.id))) throw new NotFoundException();
    return course;
  }

  async mayEdit(actor: Actor, courseId: number): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role !== 'facilitator') return false;
    return this.editors.exists({ where: { courseId, userId: actor.id } });
  }

  /** Only admins start new courses; a facilitator works on the courses given to them. */
  mayCreateCourses(actor: Actor): boolean {
    return actor.role === 'admin';
  }

  async editableCourses(actor: Actor): Promise<Course[]> {
    if (actor.role === 'admin') return this.courses.find({ order: { slug: 'ASC' } });
    if (actor.role !== 'facilitator') return [];
    return this.courses.createQueryBuilder('course')
      .innerJoin(CourseEditor, 'editor', 'editor.courseId = course.id AND editor.userId = :userId', { userId: actor.id })
      .orderBy('course.slug', 'ASC')
      .getMany();
  }
}
