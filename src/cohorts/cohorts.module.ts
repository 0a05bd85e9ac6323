import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountModule } from '../account/account.module';
import { CourseModule } from '../content/entities/course-module.entity';
import { Course } from '../content/entities/course.entity';
import { Enrolment } from '../learning/entities/enrolment.entity';
import { ModuleProgress } from '../learning/entities/module-progress.entity';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { BulkImportController } from './bulk/bulk-import.controller';
import { BulkImport } from './bulk/bulk-import.entity';
import { BulkImportService } from './bulk/bulk-import.service';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { registerCohortViewHelpers } from './cohorts.view-helpers';
import { CourseCohortsController } from './enrolment/course-cohorts.controller';
import { EnrolmentPlacement } from './enrolment/enrolment-placement';
import { EnrolmentsService } from './enrolment/enrolments.service';
import { CohortFacilitator } from './entities/cohort-facilitator.entity';
import { Cohort } from './entities/cohort.entity';
import { CohortInvitation } from './invitations/cohort-invitation.entity';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { CohortLearnersController } from './learners/cohort-learners.controller';
import { CohortLearnersService } from './learners/cohort-learners.service';
import { LearnerProgressReader } from './learners/learner-progress';

/** Cohorts (editions of a course per country), enrolment by every route, invitations, bulk enrolment; set-password links via AccountModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Cohort, CohortFacilitator, CohortInvitation, BulkImport, Course, CourseModule, Enrolment, ModuleProgress, User]),
    UsersModule,
    AccountModule,
  ],
  controllers: [CohortsController, CohortLearnersController, InvitationsController, BulkImportController, CourseCohortsController],
  providers: [
    // Links are mailed through the global MailModule's LinkMailer.
    CohortsService, EnrolmentsService, EnrolmentPlacement, CohortLearnersService, LearnerProgressReader, InvitationsService, BulkImportService,
  ],
  exports: [CohortsService, EnrolmentsService],
})
export class CohortsModule implements OnModuleInit {
  onModuleInit(): void {
    registerCohortViewHelpers();
  }
}
