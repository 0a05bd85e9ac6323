import { INestApplicationContext } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { demoAccount } from '../../seed/demo-accounts';
import { User } from '../../users/user.entity';
import { Course } from '../entities/course.entity';
import { CourseEditor } from './entities/course-editor.entity';

/** The two demo courses the demo facilitator edits (the ones whose cohorts they also run), so authoring is never empty at first sight. */
export const DEMO_EDITED_COURSES = ['ninez-migrante', 'trata-de-personas'];

/** Development only, after the content import and the demo accounts. Idempotent; missing courses are skipped. */
export async function seedDemoEditors(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const facilitator = await dataSource.getRepository(User).findOneBy({ email: demoAccount('facilitator').email });
  if (!facilitator) return;
  const editors = dataSource.getRepository(CourseEditor);
  for (const course of await dataSource.getRepository(Course).findBy({ slug: In(DEMO_EDITED_COURSES) })) {
    if (!(await editors.existsBy({ courseId: course.id, userId: facilitator.id }))) await editors.insert({ courseId: course.id, userId: facilitator.id });
  }
}
