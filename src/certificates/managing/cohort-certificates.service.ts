import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { CohortsService } from '../../cohorts/cohorts.service';
import { parseCourseSettings } from '../../content/parsing';
import { ProgressService } from '../../progress/progress.service';
import { CertificateIssuerService } from '../certificate-issuer.service';
import { CertificateSourcesService } from '../certificate-sources.service';
import { Actor, CertificatesService } from '../certificates.service';
import { formatPublicCode } from '../public-code';
import { meetsParticipation } from './participation';
import { ZipStreamWriter } from './zip-stream-writer';

export interface BulkOutcome {
  issued: number;
  alreadyHad: number;
  notMet: number;
}

/** A cohort's certificates: bulk participation certificates by the course's rule, and all of them as one streamed zip. */
@Injectable()
export class CohortCertificatesService {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly sources: CertificateSourcesService,
    private readonly certificates: CertificatesService,
    private readonly issuer: CertificateIssuerService,
    private readonly progress: ProgressService,
  ) {}

  /** The page: the cohort (404 when not the actor's), its rule and its certificates. */
  async overview(actor: Actor, cohortId: number) {
    const cohort = await this.cohorts.accessible(actor, cohortId);
    const rule = this.participationRule(cohort.course.sourceText);
    const certificates = await this.certificates.ofCohort(cohort.id);
    return { cohort, rule, certificates };
  }

  /** Participation certificates for the cohort's active learners who meet the rule and hold no certificate yet. */
  async issueParticipation(actor: Actor, cohortId: number): Promise<BulkOutcome> {
    const cohort = await this.cohorts.accessible(actor, cohortId);
    const rule = this.participationRule(cohort.course.sourceText);
    const outcome: BulkOutcome = { issued: 0, alreadyHad: 0, notMet: 0 };
    if (!rule) return outcome;
    const enrolments = await this.sources.activeInCohort(cohort.id);
    const existing = await this.certificates.certificatesForEnrolments(enrolments.map((enrolment) => enrolment.id));
    // One batch read of everyone's progress (the same figures their own pages show).
    const summaries = await this.progress.summariesForEnrolments(enrolments.map((enrolment) => enrolment.id));
    for (const enrolment of enrolments) {
      if (existing.has(enrolment.id)) {
        outcome.alreadyHad += 1;
        continue;
      }
      const summary = summaries.get(enrolment.id);
      if (!summary || !meetsParticipation(rule, summary.modulesDone, summary.modulesTotal)) {
        outcome.notMet += 1;
        continue;
      }
      const facts = await this.sources.issueFacts(enrolment.id);
      if (!facts) continue;
      // PDFs are made on first download (or in the zip), so a large cohort is issued in seconds.
      const { created } = await this.issuer.issue({ ...facts, completedAt: null }, 'participation', actor.id, 'bulk participation');
      if (created) outcome.issued += 1;
      else outcome.alreadyHad += 1;
    }
    return outcome;
  }

  /**
   * Every current certificate of the cohort as one zip, written to `output` entry by entry:
   * the next PDF is read (or made) only after the previous one has been written, so
   * memory holds one PDF at a time whatever the cohort's size.
   */
  async streamZip(actor: Actor, cohortId: number, output: Writable): Promise<void> {
    const cohort = await this.cohorts.accessible(actor, cohortId);
    const certificates = await this.certificates.ofCohort(cohort.id);
    const zip = new ZipStreamWriter(output);
    for (const certificate of certificates) {
      const { pdf } = await this.certificates.files(certificate);
      await zip.add(`${fileSafe(certificate.holderName)}-${formatPublicCode(certificate.code)}.pdf`, pdf, certificate.issuedAt);
    }
    await zip.finish();
  }

  private participationRule(sourceText: string | null) {
    if (!sourceText) return null;
    return parseCourseSettings(sourceText, 'course.md').settings.participation;
  }
}

function fileSafe(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w-]+/g, '_')
      .slice(0, 60) || 'certificado'
  );
}
