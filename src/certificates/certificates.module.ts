import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts/cohorts.module';
import { ContentModule } from '../content/content.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { CompletionService } from '../progress/completion.service';
import { ProgressModule } from '../progress/progress.module';
import { UsersModule } from '../users/users.module';
import { CertificateIssuerService } from './certificate-issuer.service';
import { CertificatePdfStore } from './certificate-pdf.store';
import { CertificateSettingsService } from './certificate-settings.service';
import { CertificateSourcesService } from './certificate-sources.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CredentialKeysService } from './credential/credential-keys.service';
import { JwksController } from './credential/jwks.controller';
import { CertificateEvent } from './entities/certificate-event.entity';
import { CertificateSettings } from './entities/certificate-settings.entity';
import { Certificate } from './entities/certificate.entity';
import { CredentialKey } from './entities/credential-key.entity';
import { CertificateSettingsController } from './managing/certificate-settings.controller';
import { CohortCertificatesController } from './managing/cohort-certificates.controller';
import { CohortCertificatesService } from './managing/cohort-certificates.service';
import { StaffCertificatesController } from './managing/staff-certificates.controller';
import { ThrottlingModule } from '../throttling/throttling.module';
import { PdfRendererService } from './pdf/pdf-renderer.service';
import { VerificationController } from './verification/verification.controller';

/**
 * Completion certificates: issued once when a course is completed (a listener on
 * CompletionService, registered here, so learning never imports certificates), the
 * stored PDF, public verification, the signed credential and its JWKS, and managing.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Certificate, CertificateEvent, CertificateSettings, CredentialKey]),
    ProgressModule,
    EnrolmentsModule,
    ContentModule,
    UsersModule,
    CohortsModule,
    ThrottlingModule,
  ],
  controllers: [
    CertificatesController,
    VerificationController,
    JwksController,
    StaffCertificatesController,
    CohortCertificatesController,
    CertificateSettingsController,
  ],
  providers: [
    CertificatesService,
    CertificateIssuerService,
    CertificateSourcesService,
    CertificateSettingsService,
    CertificatePdfStore,
    PdfRendererService,
    CredentialKeysService,
    CohortCertificatesService,
  ],
  exports: [CertificatesService],
})
export class CertificatesModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly completion: CompletionService,
    private readonly issuer: CertificateIssuerService,
    private readonly keys: CredentialKeysService,
  ) {}

  onModuleInit(): void {
    this.completion.onCompleted(async ({ enrolmentId }) => {
      await this.issuer.issueOnCompletion(enrolmentId, { artifacts: 'background' });
    });
  }

  /** After the migrations (prepareData runs them before init): the signing key, then certificates for earlier completions. */
  async onApplicationBootstrap(): Promise<void> {
    await this.keys.ensureKey();
    await this.issuer.backfill();
  }
}
