import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts/cohorts.module';
import { Course } from '../content/entities/course.entity';
import { CourseModule } from '../content/entities/course-module.entity';
import { ModuleVersion } from '../content/entities/module-version.entity';
import { ModuleVersionsReader } from '../content/module-versions.reader';
import { Enrolment } from '../learning/entities/enrolment.entity';
import { LearningCoreModule } from '../learning/learning-core.module';
import { AttemptReader } from '../quizzes/attempt-reader';
import { UsersModule } from '../users/users.module';
import { ReportDownload } from './audit/report-download.entity';
import { DownloadAuditService } from './audit/download-audit.service';
import { AnonymisationController } from './personal-data/anonymisation.controller';
import { AnonymisationService } from './personal-data/anonymisation.service';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataService } from './personal-data/personal-data.service';
import { QuestionAnalysisService } from './questions/question-analysis.service';
import { QuestionsController } from './questions/questions.controller';
import { ReportSources } from './report-sources';
import { ReportsAdminController } from './reports-admin.controller';
import { ReportsPageService } from './reports-page.service';
import { ReportsController } from './reports.controller';
import { RosterService } from './roster/roster.service';
import { CoordinatorCountry } from './scope/coordinator-country.entity';
import { ReportScopeService } from './scope/report-scope.service';
import { SummaryService } from './summary/summary.service';

/**
 * Rosters (streamed CSV/XLSX), the donor summary with charts, question
 * analysis, the download log and personal-data exports. Owns report_download
 * and coordinator_country; reads everything else through its owners. Nothing imports this module.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportDownload, CoordinatorCountry, Enrolment, Course, CourseModule, ModuleVersion]),
    UsersModule, CohortsModule, LearningCoreModule,
  ],
  controllers: [QuestionsController, ReportsAdminController, ReportsController, PersonalDataController, AnonymisationController],
  providers: [
    ReportSources, ReportScopeService, DownloadAuditService, RosterService, SummaryService, ReportsPageService, QuestionAnalysisService, PersonalDataService, AnonymisationService,
    ModuleVersionsReader, AttemptReader,
  ],
})
export class ReportsModule {}
