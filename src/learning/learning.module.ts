import { Module } from '@nestjs/common';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { LearningCoreModule } from './learning-core.module';
import { LearningController } from './learning.controller';
import { LearningService } from './learning.service';
import { MyCoursesService } from './my-courses.service';
import { CatalogueService } from './catalogue.service';
import { EndPageService } from './end-page.service';

/**
 * Catalogue, course and module pages, "My courses", and (through QuizzesModule)
 * quizzes and pre/post-tests. Other features import this module (or
 * LearningCoreModule) for CourseAccessService and CompletionService.
 */
@Module({
  imports: [LearningCoreModule, QuizzesModule],
  controllers: [LearningController],
  providers: [LearningService, MyCoursesService, CatalogueService, EndPageService],
  exports: [LearningCoreModule],
})
export class LearningModule {}
