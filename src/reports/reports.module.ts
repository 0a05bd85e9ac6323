import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '../certificates/certificates.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { ContentModule } from '../content/content.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ProgressModule } from '../progress/progress.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
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
    TypeOrmModule.forFeature([ReportDownload, CoordinatorCountry]),
    UsersModule,
    CohortsModule,
    CertificatesModule,
    EnrolmentsModule,
    ProgressModule,
    ContentModule,
    QuizzesModule,
  ],
  controllers: [QuestionsController, ReportsAdminController, ReportsController, PersonalDataController, AnonymisationController],
  providers: [
    ReportSources,
    ReportScopeService,
    DownloadAuditService,
    RosterService,
    SummaryService,
    ReportsPageService,
    QuestionAnalysisService,
    PersonalDataService,
    AnonymisationService,
  ],
})
export class ReportsModule {}
