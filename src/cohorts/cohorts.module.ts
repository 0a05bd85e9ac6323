import { BulkPreviewPage, BulkUploadPage } from './bulk/bulk-pages';
import { CohortFormPage, CohortShowPage, InvitationsPage } from './cohort-pages';
import { CourseCohortsPage } from './enrolment/course-cohorts.page';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountModule } from '../account/account.module';
import { ContentModule } from '../content/content.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ProgressModule } from '../progress/progress.module';
import { UsersModule } from '../users/users.module';
import { BulkImportController } from './bulk/bulk-import.controller';
import { BulkImport } from './bulk/bulk-import.entity';
import { BulkImportService } from './bulk/bulk-import.service';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { registerCohortViewHelpers } from './cohorts.view-helpers';
import { CourseCohortsController } from './enrolment/course-cohorts.controller';
import { EnrolmentPlacement } from './enrolment/enrolment-placement';
import { CohortEnrolmentsService } from './enrolment/cohort-enrolments.service';
import { CohortFacilitator } from './entities/cohort-facilitator.entity';
import { Cohort } from './entities/cohort.entity';
import { CohortInvitation } from './invitations/cohort-invitation.entity';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { CohortLearnersController } from './learners/cohort-learners.controller';
import { CohortLearnersService } from './learners/cohort-learners.service';

/** Cohorts (editions of a course per country), enrolment by every route, invitations, bulk enrolment; set-password links via AccountModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Cohort, CohortFacilitator, CohortInvitation, BulkImport]),
    ContentModule,
    EnrolmentsModule,
    ProgressModule,
    UsersModule,
    AccountModule,
  ],
  controllers: [CohortsController, CohortLearnersController, InvitationsController, BulkImportController, CourseCohortsController],
  providers: [
    // Links are mailed through the global MailModule's LinkMailer.
    CohortsService,
    CohortEnrolmentsService,
    EnrolmentPlacement,
    CohortLearnersService,
    InvitationsService,
    BulkImportService,
    CohortFormPage,
    CohortShowPage,
    InvitationsPage,
    BulkUploadPage,
    BulkPreviewPage,
    CourseCohortsPage,
  ],
  exports: [CohortsService, CohortEnrolmentsService],
})
export class CohortsModule implements OnModuleInit {
  onModuleInit(): void {
    registerCohortViewHelpers();
  }
}
