import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Not, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { formatNumber, translator } from '../i18n/i18n';
import { certificateValues, IssueFacts, pdfInput } from './certificate-content';
import { CertificatePdfStore } from './certificate-pdf.store';
import { CertificateSettingsService } from './certificate-settings.service';
import { CertificateSourcesService } from './certificate-sources.service';
import { CertificateStateError } from './certificate.errors';
import { achievementCredentialClaims } from './credential/open-badge';
import { CredentialKeysService } from './credential/credential-keys.service';
import { CertificateEvent } from './entities/certificate-event.entity';
import { Certificate, CertificateKind, RevokeReason } from './entities/certificate.entity';
import { PdfRendererService } from './pdf/pdf-renderer.service';
import { newPublicCode } from './public-code';

const BACKFILL_BATCH = 200;

/**
 * When the PDF and credential are made: 'now' (reissue: the staff member downloads next),
 * 'background' (on completion: the learner's page does not wait), or, by default, on first
 * download (backfill and bulk: a large batch is issued in seconds).
 */
export interface IssueOptions {
  artifacts?: 'now' | 'background';
}

/**
 * Issuing, revoking and reissuing, each recorded in certificate_event. Issuing is
 * exactly-once by construction: a unique index on (enrolment, kind) for the current
 * certificate and an insert-or-ignore, so two completions racing (two requests, two
 * instances, the start-up backfill) leave one certificate and one "issued" event.
 */
@Injectable()
export class CertificateIssuerService implements OnModuleDestroy {
  private readonly logger = new Logger(CertificateIssuerService.name);
  /** PDFs and credentials being made in the background after an issue. */
  private readonly background = new Set<Promise<unknown>>();

  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    @InjectRepository(CertificateEvent) private readonly events: Repository<CertificateEvent>,
    @InjectDataSource() private readonly data: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: CertificateSourcesService,
    private readonly settings: CertificateSettingsService,
    private readonly pdfs: CertificatePdfStore,
    private readonly renderer: PdfRendererService,
    private readonly keys: CredentialKeysService,
    private readonly clock: Clock,
  ) {}

  /** The completion certificate (or the kind course.md sets) of a completed enrolment; null when not completed. */
  async issueOnCompletion(enrolmentId: number, options: IssueOptions = {}): Promise<Certificate | null> {
    const facts = await this.sources.issueFacts(enrolmentId);
    if (!facts?.completedAt) return null;
    const { certificate } = await this.issue(facts, facts.course.certificateType, null, null, options);
    return certificate;
  }

  /** Issues a certificate of this kind for the enrolment unless one is current; returns the current one. */
  async issue(facts: IssueFacts, kind: CertificateKind, actorId: number | null, reason: string | null, options: IssueOptions = {}) {
    const issuer = await this.settings.snapshot();
    for (let attempt = 0; attempt < 3; attempt++) {
      const values = certificateValues(facts, kind, issuer, newPublicCode(), this.clock.now());
      await this.certificates.createQueryBuilder().insert().into(Certificate).values(values).orIgnore().updateEntity(false).execute();
      const current = await this.current(facts.enrolmentId, kind);
      if (!current) continue; // only a (vanishingly unlikely) code collision gets here: try a fresh code
      const created = current.code === values.code;
      if (created) {
        await this.record(current.id, 'issued', actorId, reason);
        this.logger.log(`Certificate ${current.id} (${kind}) issued for enrolment ${facts.enrolmentId}`);
        if (options.artifacts === 'now') await this.ensureArtifacts(current);
        else if (options.artifacts === 'background') this.inBackground(current);
      }
      return { certificate: current, created };
    }
    throw new Error(`Could not issue a certificate for enrolment ${facts.enrolmentId}`);
  }

  /** Start-up step: certificates for completions recorded before this feature (or while issuing failed). Safe to run twice, and on two instances at once. */
  async backfill(): Promise<number> {
    let afterId = 0;
    let issued = 0;
    for (;;) {
      const ids = (await this.sources.completedAfter(afterId, BACKFILL_BATCH)).map((enrolment) => enrolment.id);
      if (!ids.length) break;
      const certified = new Set(
        (
          await this.certificates.find({
            where: { enrolmentId: In(ids), status: Not('replaced') },
            select: { id: true, enrolmentId: true },
          })
        ).map((row) => row.enrolmentId),
      );
      for (const id of ids.filter((enrolmentId) => !certified.has(enrolmentId))) {
        // PDFs of backfilled certificates are made on first download, so a large backlog does not slow the start.
        const certificate = await this.issueOnCompletion(id);
        if (certificate) issued += 1;
      }
      afterId = ids[ids.length - 1];
    }
    if (issued) this.logger.log(`Backfill: ${issued} certificate(s) for earlier completions`);
    return issued;
  }

  async revoke(certificateId: number, actorId: number, reason: RevokeReason, note: string): Promise<void> {
    const result = await this.certificates.update(
      { id: certificateId, status: 'valid' },
      { status: 'revoked', revokedAt: this.clock.now(), revokedReason: reason },
    );
    if (!result.affected) throw new CertificateStateError('notValid');
    await this.record(certificateId, 'revoked', actorId, `${reason}${note ? `: ${note}` : ''}`);
  }

  /** A new certificate (new code) with the corrected name; the old one then says "replaced by" it. */
  async reissue(certificateId: number, actorId: number, holderName: string | null, reason: string): Promise<Certificate> {
    const old = await this.certificates.findOneBy({ id: certificateId });
    if (!old || old.status !== 'valid') throw new CertificateStateError('notValid');
    const facts = await this.sources.issueFacts(old.enrolmentId);
    if (!facts) throw new CertificateStateError('notValid');
    const issuer = await this.settings.snapshot();
    const values = certificateValues(
      { ...facts, completedAt: old.completedAt },
      old.kind,
      issuer,
      newPublicCode(),
      this.clock.now(),
      holderName?.trim() || facts.holderName,
    );
    const fresh = await this.data.transaction(async (manager) => {
      const replaced = await manager.update(Certificate, { id: old.id, status: 'valid' }, { status: 'replaced' });
      if (!replaced.affected) throw new CertificateStateError('notValid');
      const created = await manager.save(Certificate, manager.create(Certificate, values));
      await manager.update(Certificate, { id: old.id }, { replacedById: created.id });
      const at = this.clock.now();
      await manager.insert(CertificateEvent, [
        { certificateId: old.id, action: 'reissued', actorId, reason, at },
        { certificateId: created.id, action: 'issued', actorId, reason, at },
      ]);
      return created;
    });
    await this.ensureArtifacts(fresh);
    return fresh;
  }

  /** The stored PDF and credential, made now if missing (backfilled certificates, or a crash mid-issue). */
  async ensureArtifacts(certificate: Certificate): Promise<{ pdf: Buffer; credential: string }> {
    const t = translator(certificate.language);
    let pdf = await this.pdfs.read(certificate.id);
    if (!pdf) {
      const rendered = await this.renderer.render(pdfInput(certificate, t, this.config.publicUrl, await this.settings.logo()));
      pdf = await this.pdfs.storeOnce(certificate.id, rendered);
    }
    let credential = certificate.credential;
    if (!credential) {
      const course = await this.sources.course(certificate.courseId);
      const claims = achievementCredentialClaims(certificate, this.config.publicUrl, course?.slug ?? String(certificate.courseId), {
        issuerName: certificate.issuer.name[certificate.language] ?? certificate.issuer.name.es ?? '',
        achievementDescription: t(`certificates.credential.description.${certificate.kind}`, {
          course: certificate.courseTitle,
          hours: formatNumber(certificate.hours, certificate.language),
        }),
        criteria: t(`certificates.credential.criteria.${certificate.kind}`),
      });
      const signed = await this.keys.sign(claims);
      await this.certificates
        .createQueryBuilder()
        .update(Certificate)
        .set({ credential: signed })
        .where('id = :id AND credential IS NULL', { id: certificate.id })
        .execute();
      credential = (await this.certificates.findOneByOrFail({ id: certificate.id })).credential ?? signed;
    }
    return { pdf, credential };
  }

  /** Waits for PDFs still being made, so a shutdown never cuts one off halfway. */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  /** The learner's request returns as soon as the certificate exists; its PDF follows (a download made meanwhile makes it itself). */
  private inBackground(certificate: Certificate): void {
    const task = this.ensureArtifacts(certificate)
      .catch((error: unknown) =>
        this.logger.error(
          `PDF/credential of certificate ${certificate.id} failed (made on first download instead): ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => this.background.delete(task));
    this.background.add(task);
  }

  private current(enrolmentId: number, kind: CertificateKind): Promise<Certificate | null> {
    return this.certificates.findOneBy({ enrolmentId, kind, status: Not('replaced') });
  }

  private async record(
    certificateId: number,
    action: CertificateEvent['action'],
    actorId: number | null,
    reason: string | null,
  ): Promise<void> {
    await this.events.insert({ certificateId, action, actorId, reason: reason?.slice(0, 500) ?? null, at: this.clock.now() });
  }
}
