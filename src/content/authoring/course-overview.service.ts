import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Course } from '../entities/course.entity';
import { CourseMedia } from '../entities/course-media.entity';
import { CourseModule } from '../entities/course-module.entity';
import { ModuleVersion } from '../entities/module-version.entity';
import { mediaUrl } from '../media/media-paths';
import { type Actor, AuthoringAccessService } from './authoring-access.service';
import { ContentChange } from './entities/content-change.entity';

export const HISTORY_PAGE_SIZE = 20;

export interface ModuleFileRow {
  language: string;
  file: string;
  version: number | null;
  title: string | null;
}

export interface ModuleRow {
  key: string;
  kind: 'lesson' | 'assessment' | 'tool';
  position: number;
  active: boolean;
  files: ModuleFileRow[];
}

export interface HistoryRow {
  file: string;
  action: string;
  version: number | null;
  createdAt: Date;
  userName: string | null;
}

export interface CourseOverview {
  course: Course;
  modules: ModuleRow[];
  retired: ModuleRow[];
  assessment: ModuleRow | null;
  media: { path: string; sizeKb: number; href: string }[];
  history: { items: HistoryRow[]; page: number; pageCount: number };
  mayManageEditors: boolean;
}

/** The course's authoring page: its files with their current versions, its media and who changed what. */
@Injectable()
export class CourseOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AuthoringAccessService,
  ) {}

  async overview(actor: Actor, slug: string, page: number): Promise<CourseOverview> {
    const course = await this.access.editableCourse(actor, slug);
    const modules = await this.dataSource.getRepository(CourseModule).find({ where: { courseId: course.id }, order: { position: 'ASC', key: 'ASC' } });
    const versions = await this.dataSource.getRepository(ModuleVersion).createQueryBuilder('version')
      .innerJoin('version.module', 'module')
      .select(['version.moduleId', 'version.language', 'version.version', 'version.title'])
      .where('module.courseId = :courseId AND version.current = :current', { courseId: course.id, current: true })
      .getMany();
    const rows = modules.map((module): ModuleRow => ({
      key: module.key,
      kind: module.kind,
      position: module.position,
      active: module.active,
      files: course.languages.map((language) => {
        const version = versions.find((candidate) => candidate.moduleId === module.id && candidate.language === language);
        return { language, file: `${module.key}.${language}.md`, version: version?.version ?? null, title: version?.title ?? null };
      }),
    }));
    const media = await this.dataSource.getRepository(CourseMedia).find({ where: { courseId: course.id }, select: { path: true, size: true }, order: { path: 'ASC' } });
    return {
      course,
      modules: rows.filter((row) => row.kind === 'lesson' && row.active),
      retired: rows.filter((row) => row.kind === 'lesson' && !row.active),
      assessment: rows.find((row) => row.kind === 'assessment' && row.active) ?? null,
      media: media.map((file) => ({ path: file.path, sizeKb: Math.max(1, Math.round(file.size / 1024)), href: mediaUrl(course.slug, file.path) })),
      history: await this.history(course.id, page),
      mayManageEditors: actor.role === 'admin',
    };
  }

  private async history(courseId: number, requested: number): Promise<CourseOverview['history']> {
    const repository = this.dataSource.getRepository(ContentChange);
    const total = await repository.count({ where: { courseId } });
    const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
    const page = Math.min(Math.max(1, requested), pageCount);
    const changes = await repository.find({
      where: { courseId },
      relations: { user: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
    });
    const items = changes.map((change) => ({
      file: change.file, action: change.action, version: change.version, createdAt: change.createdAt, userName: change.user?.name ?? null,
    }));
    return { items, page, pageCount };
  }
}
