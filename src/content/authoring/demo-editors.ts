import { INestApplicationContext } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UsersService } from '../../users/users.service';
import { Course } from '../entities/course.entity';
import { CourseEditor } from './entities/course-editor.entity';

/** The two demo courses the demo facilitator edits (the ones whose cohorts they also run), so authoring is never empty at first sight. */
export const DEMO_EDITED_COURSES = ['ninez-migrante', 'trata-de-personas'];

/** Development only, after the content import and the demo accounts (the caller names the demo facilitator). Idempotent; missing courses are skipped. */
export async function seedDemoEditors(app: INestApplicationContext, facilitatorEmail: string): Promise<void> {
  const dataSource = app.get(DataSource);
  const facilitator = await app.get(UsersService).findByEmail(facilitatorEmail);
  if (!facilitator) return;
  const editors = dataSource.getRepository(CourseEditor);
  for (const course of await dataSource.getRepository(Course).findBy({ slug: In(DEMO_EDITED_COURSES) })) {
    if (!(await editors.existsBy({ courseId: course.id, userId: facilitator.id }))) await editors.insert({ courseId: course.id, userId: facilitator.id });
  }
}
