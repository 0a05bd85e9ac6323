import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CatalogueService } from './catalogue.service';
import { LearningCoreModule } from './learning-core.module';
import { LearningController } from './learning.controller';
import { LearningService } from './learning.service';
import { CourseMediaService } from './media/course-media.service';
import { MediaController } from './media/media.controller';
import { MyCoursesService } from './my-courses.service';
import { EndPageService } from './end-page.service';

/**
 * Catalogue, course and module pages, course media and "My courses". Quizzes
 * (QuizzesModule) build on LearningCoreModule for CourseAccessService.
 */
@Module({
  imports: [LearningCoreModule, CohortsModule],
  controllers: [MediaController, LearningController],
  providers: [LearningService, MyCoursesService, CatalogueService, CourseMediaService, EndPageService],
  exports: [LearningCoreModule],
})
export class LearningModule {}
