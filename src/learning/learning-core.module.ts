import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortFacilitator } from '../cohorts/entities/cohort-facilitator.entity';
import { Cohort } from '../cohorts/entities/cohort.entity';
import { CourseModule } from '../content/entities/course-module.entity';
import { Course } from '../content/entities/course.entity';
import { ModuleVersion } from '../content/entities/module-version.entity';
import { QuizAttempt } from '../quizzes/entities/quiz-attempt.entity';
import { CompletionService } from './completion.service';
import { CourseAccessService } from './course-access.service';
import { CourseContentService } from './course-content.service';
import { Enrolment } from './entities/enrolment.entity';
import { ModuleProgress } from './entities/module-progress.entity';
import { ProgressService } from './progress.service';

/**
 * The services other features build on, without any routes: the course access
 * rule, the course structure, learner progress and the completion rule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseModule, ModuleVersion, Cohort, CohortFacilitator, Enrolment, ModuleProgress, QuizAttempt])],
  providers: [CourseAccessService, CourseContentService, ProgressService, CompletionService],
  exports: [CourseAccessService, CourseContentService, ProgressService, CompletionService, TypeOrmModule],
})
export class LearningCoreModule {}
