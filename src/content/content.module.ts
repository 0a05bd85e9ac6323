import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { ContentChange } from './authoring/entities/content-change.entity';
import { CourseEditor } from './authoring/entities/course-editor.entity';
import { Course } from './entities/course.entity';
import { CourseMedia } from './entities/course-media.entity';
import { CourseModule } from './entities/course-module.entity';
import { ModuleVersion } from './entities/module-version.entity';
import { ContentImportService } from './import/content-import.service';
import { MediaController } from './media/media.controller';
import { MediaService } from './media/media.service';

/** Course content: import from the content folder, media serving, authoring in the browser. */
@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseModule, ModuleVersion, CourseMedia, CourseEditor, ContentChange, User])],
  controllers: [MediaController],
  providers: [ContentImportService, MediaService],
  exports: [ContentImportService, MediaService],
})
export class ContentModule {}
