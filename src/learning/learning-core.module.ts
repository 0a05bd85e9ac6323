import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { ContentModule } from '../content/content.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ProgressModule } from '../progress/progress.module';
import { CourseAccessService } from './course-access.service';

/**
 * The course access rule, without any routes, for the features above learning
 * (quizzes): it re-exports the owners' modules it builds on.
 */
@Module({
  imports: [ContentModule, EnrolmentsModule, ProgressModule, CohortsModule],
  providers: [CourseAccessService],
  exports: [CourseAccessService, ContentModule, EnrolmentsModule, ProgressModule],
})
export class LearningCoreModule {}
