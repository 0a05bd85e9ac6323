import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { FormError } from '../../common/errors';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { Course } from '../entities/course.entity';
import { CourseEditor } from './entities/course-editor.entity';

export interface EditorRow {
  userId: number;
  name: string;
  email: string;
  since: Date;
}

/** Admins choose which facilitators may edit a course. */
@Injectable()
export class CourseEditorsService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseEditor) private readonly editors: Repository<CourseEditor>,
    private readonly users: UsersService,
  ) {}

  async list(slug: string): Promise<{ course: Course; editors: EditorRow[] }> {
    const course = await this.course(slug);
    const rows = await this.editors.find({ where: { courseId: course.id }, relations: { user: true }, order: { createdAt: 'ASC' } });
    return { course, editors: rows.map((row) => ({ userId: row.userId, name: row.user.name, email: row.user.email, since: row.createdAt })) };
  }

  /** Only facilitators are given courses: admins edit every course already, other roles do not author. */
  async add(slug: string, email: string): Promise<{ course: Course; user: User }> {
    const course = await this.course(slug);
    const user = await this.users.findByEmail(email);
    if (!user) throw FormError.field('email', 'content.editors.noSuchUser');
    if (user.role !== 'facilitator') throw FormError.field('email', 'content.editors.notFacilitator', { name: user.name });
    if (!(await this.editors.exists({ where: { courseId: course.id, userId: user.id } }))) {
      await this.editors.insert({ courseId: course.id, userId: user.id });
    }
    return { course, user };
  }

  async remove(slug: string, userId: number): Promise<void> {
    const course = await this.course(slug);
    if (!(await this.editors.exists({ where: { courseId: course.id, userId } }))) throw new NotFoundException();
    await this.editors.delete({ courseId: course.id, userId });
  }

  private async course(slug: string): Promise<Course> {
    const course = await this.courses.findOne({ where: { slug } });
    if (!course) throw new NotFoundException();
    return course;
  }
}
