import { CourseEditorsPage, EditFilePage, NewModulePage, UploadResultPage } from './authoring/authoring.pages';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthoringController } from './authoring/authoring.controller';
import { AuthoringService } from './authoring/authoring.service';
import { registerAuthoringPartials } from './authoring/authoring.view-partials';
import { AuthoringAccessService } from './authoring/authoring-access.service';
import { CourseEditorsController } from './authoring/course-editors.controller';
import { CourseEditorsService } from './authoring/course-editors.service';
import { CourseOverviewService } from './authoring/course-overview.service';
import { CourseTransferController } from './authoring/course-transfer.controller';
import { CourseTransferService } from './authoring/course-transfer.service';
import { ContentChange } from './authoring/entities/content-change.entity';
import { CourseEditor } from './authoring/entities/course-editor.entity';
import { NewModuleController } from './authoring/new-module.controller';
import { Course } from './entities/course.entity';
import { CourseMedia } from './entities/course-media.entity';
import { CourseModule } from './entities/course-module.entity';
import { ModuleVersion } from './entities/module-version.entity';
import { ContentImportService } from './import/content-import.service';
import { MediaService } from './media/media.service';
import { ModuleVersionsReader } from './module-versions.reader';
import { PublishedContentService } from './published-content.service';

/** Course content: import from the content folder, the published-content read service, media files, authoring in the browser. */
@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseModule, ModuleVersion, CourseMedia, CourseEditor, ContentChange]), UsersModule],
  // NewModuleController before AuthoringController: both live under /authoring/courses/:slug/...
  controllers: [NewModuleController, CourseEditorsController, CourseTransferController, AuthoringController],
  providers: [ContentImportService, MediaService, PublishedContentService, AuthoringAccessService, AuthoringService, CourseOverviewService, CourseTransferService, CourseEditorsService, ModuleVersionsReader, EditFilePage, NewModulePage, CourseEditorsPage, UploadResultPage],
  exports: [ContentImportService, MediaService, AuthoringAccessService, PublishedContentService, ModuleVersionsReader],
})
export class ContentModule implements OnModuleInit {
  onModuleInit(): void {
    registerAuthoringPartials();
  }
}
