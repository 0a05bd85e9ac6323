import { EntityManager, In } from 'typeorm';
import { ContentChange } from '../authoring/entities/content-change.entity';
import { Course } from '../entities/course.entity';
import { CourseMedia } from '../entities/course-media.entity';
import { CourseModule } from '../entities/course-module.entity';
import { ModuleVersion } from '../entities/module-version.entity';
import { contentTypeFor } from '../media/media-types';
import type { CourseRecord } from './course-mapping';
import type { ImportPlan } from './import-plan';

export interface MediaFileData {
  bytes: Buffer;
  sha256: string;
}

export interface PlanContext {
  slug: string;
  /** Existing course id; null when the plan creates the course. */
  courseId: number | null;
  course: CourseRecord;
  /** Media files of the folder by path, for the ones the plan writes. */
  media: Map<string, MediaFileData>;
  actorId: number | null;
  now: Date;
}

/** Carries out an import plan inside the caller's transaction; returns the course id. */
export async function writePlan(manager: EntityManager, plan: ImportPlan, context: PlanContext): Promise<number> {
  const courseId = await writeCourse(manager, plan, context);
  for (const modulePlan of plan.modules) {
    let moduleId = modulePlan.moduleId;
    if (moduleId === null) {
      const row = modulePlan.row ?? { kind: 'lesson', position: 0, minutes: 0, active: true };
      moduleId = (await manager.save(CourseModule, manager.create(CourseModule, { courseId, key: modulePlan.key, ...row }))).id;
    } else if (modulePlan.row) {
      await manager.update(CourseModule, { id: moduleId }, modulePlan.row);
    }
    const replaced = [...modulePlan.newVersions.map((version) => version.language), ...modulePlan.retiredLanguages];
    if (replaced.length) await manager.update(ModuleVersion, { moduleId, language: In(replaced), current: true }, { current: false });
    for (const version of modulePlan.newVersions) {
      await manager.insert(ModuleVersion, { ...version, questionCount: version.questions.length, moduleId, current: true, createdById: context.actorId });
    }
  }
  if (plan.deactivate.length) await manager.update(CourseModule, { id: In(plan.deactivate) }, { active: false });
  await writeMedia(manager, plan, courseId, context);
  if (plan.changes.length) {
    await manager.insert(ContentChange, plan.changes.map((change) => ({ ...change, courseId, userId: context.actorId, createdAt: context.now })));
  }
  return courseId;
}

async function writeCourse(manager: EntityManager, plan: ImportPlan, context: PlanContext): Promise<number> {
  if (plan.course === 'create' || context.courseId === null) {
    const created = await manager.save(Course, manager.create(Course, { slug: context.slug, ...context.course, published: true }));
    return created.id;
  }
  if (plan.course === 'update') await manager.update(Course, { id: context.courseId }, { ...context.course, updatedAt: context.now });
  return context.courseId;
}

async function writeMedia(manager: EntityManager, plan: ImportPlan, courseId: number, context: PlanContext): Promise<void> {
  if (plan.media.remove.length) await manager.delete(CourseMedia, { courseId, path: In(plan.media.remove) });
  for (const path of plan.media.write) {
    const file = context.media.get(path);
    if (!file) throw new Error(`Media file ${path} is in the plan but not in the folder`);
    const values = { contentType: contentTypeFor(path), sha256: file.sha256, size: file.bytes.length, dataBase64: file.bytes.toString('base64') };
    const existing = await manager.findOne(CourseMedia, { where: { courseId, path }, select: { id: true } });
    if (existing) await manager.update(CourseMedia, { id: existing.id }, values);
    else await manager.insert(CourseMedia, { courseId, path, ...values });
  }
}
