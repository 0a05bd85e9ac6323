import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CourseModule } from './entities/course-module.entity';
import { ModuleVersion } from './entities/module-version.entity';

/** Read-only access to a course's modules and their versions (question analysis reads the questions answered). */
@Injectable()
export class ModuleVersionsReader {
  constructor(
    @InjectRepository(CourseModule) private readonly modules: Repository<CourseModule>,
    @InjectRepository(ModuleVersion) private readonly versions: Repository<ModuleVersion>,
  ) {}

  /** Active modules (lessons and the assessment) in course order. */
  activeModules(courseId: number): Promise<CourseModule[]> {
    return this.modules.find({ where: { courseId, active: true }, order: { position: 'ASC', id: 'ASC' } });
  }

  async versionsByIds(ids: number[]): Promise<ModuleVersion[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.versions.findBy({ id: In(unique) }) : [];
  }

  currentVersion(moduleId: number, language: string): Promise<ModuleVersion | null> {
    return this.versions.findOneBy({ moduleId, language, current: true });
  }
}
