import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Not, Repository } from 'typeorm';
import type { Role } from '../common/roles';
import { CertificatePdfStore } from './certificate-pdf.store';
import { CertificateIssuerService } from './certificate-issuer.service';
import { CertificateSourcesService } from './certificate-sources.service';
import { CertificateNotFoundError } from './certificate.errors';
import { CertificateEvent } from './entities/certificate-event.entity';
import { Certificate, CertificateStatus } from './entities/certificate.entity';
import { normalisePublicCode } from './public-code';

export type Actor = { id: number; role: Role };
export const STAFF_PAGE_SIZE = 25;
const IN_CHUNK = 500;

export interface StaffSearch {
  learner?: string;
  course?: string;
  cohortId?: number;
  page?: number;
}

/** Coordinators and admins see every certificate; facilitators those of their cohorts; learners their own. */
export function isManager(actor: Actor): boolean {
  return actor.role === 'coordinator' || actor.role === 'admin';
}

/** Reading certificates: the learner's own, staff search, the public verification, and the batch read for reports. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    @InjectRepository(CertificateEvent) private readonly events: Repository<CertificateEvent>,
    private readonly sources: CertificateSourcesService,
    private readonly issuer: CertificateIssuerService,
    private readonly pdfs: CertificatePdfStore,
  ) {}

  /**
   * An admin anonymised the holder: the name kept on their certificates is erased and
   * the stored PDFs dropped; the verification page then says "holder data removed".
   */
  async removeHolderData(userId: number): Promise<void> {
    const ids = (await this.certificates.find({ where: { userId }, select: { id: true } })).map((row) => row.id);
    if (!ids.length) return;
    await this.certificates.update({ userId }, { holderName: '' });
    await this.pdfs.forget(ids);
  }

  /** For reports: the current certificate of each enrolment (completion before participation), in a few IN queries. */
  async certificatesForEnrolments(enrolmentIds: number[]): Promise<Map<number, { code: string; status: CertificateStatus }>> {
    const result = new Map<number, { code: string; status: CertificateStatus; kind: string }>();
    const ids = [...new Set(enrolmentIds)];
    for (let index = 0; index < ids.length; index += IN_CHUNK) {
      const rows = await this.certificates.find({
        where: { enrolmentId: In(ids.slice(index, index + IN_CHUNK)), status: Not('replaced') },
        select: { id: true, enrolmentId: true, code: true, status: true, kind: true },
      });
      for (const row of rows) {
        const existing = result.get(row.enrolmentId);
        if (!existing || (existing.kind !== 'completion' && row.kind === 'completion'))
          result.set(row.enrolmentId, { code: row.code, status: row.status, kind: row.kind });
      }
    }
    return new Map([...result].map(([id, { code, status }]) => [id, { code, status }]));
  }

  /** "My certificates": every certificate of the learner that is not replaced, newest first. */
  ofLearner(userId: number): Promise<Certificate[]> {
    return this.certificates.find({ where: { userId, status: Not('replaced') }, order: { issuedAt: 'DESC', id: 'DESC' } });
  }

  /** The learner's certificate for a course (issued now if the completion has none yet), or a 404. */
  async learnerCertificateForCourse(userId: number, courseSlug: string): Promise<Certificate> {
    const existing = await this.certificates
      .createQueryBuilder('c')
      .innerJoin('course', 'course', 'course.id = c.courseId')
      .where('c.userId = :userId AND course.slug = :slug AND c.status <> :replaced', { userId, slug: courseSlug, replaced: 'replaced' })
      .orderBy('c.kind', 'ASC') // 'completion' before 'participation'
      .addOrderBy('c.id', 'DESC')
      .getOne();
    if (existing) return existing;
    // A completion whose certificate is not there yet (issuing failed, or before the backfill ran): issue it now.
    const course = await this.sources.courseBySlug(courseSlug);
    const completed = course ? await this.sources.completedEnrolmentFor(userId, course.id) : null;
    const certificate = completed ? await this.issuer.issueOnCompletion(completed.id, { artifacts: 'background' }) : null;
    if (!certificate) throw new CertificateNotFoundError();
    return certificate;
  }

  /** A certificate the actor may see: their own, or (staff) one in their reach. Anything else is a 404. */
  async visibleTo(actor: Actor, id: number): Promise<Certificate> {
    const certificate = Number.isSafeInteger(id) ? await this.certificates.findOneBy({ id }) : null;
    if (!certificate || !(await this.mayView(actor, certificate))) throw new CertificateNotFoundError();
    return certificate;
  }

  async mayView(actor: Actor, certificate: Certificate): Promise<boolean> {
    if (certificate.userId === actor.id) return true;
    return this.mayManage(actor, certificate);
  }

  async mayManage(actor: Actor, certificate: Pick<Certificate, 'cohortId'>): Promise<boolean> {
    if (isManager(actor)) return true;
    if (actor.role !== 'facilitator' || certificate.cohortId === null) return false;
    return this.sources.mayAccessCohort(actor, certificate.cohortId);
  }

  /** The stored PDF and credential (made now when missing). */
  files(certificate: Certificate) {
    return this.issuer.ensureArtifacts(certificate);
  }

  /** Public verification: the certificate with its replacement's code, or null (unknown code). */
  async verify(input: string): Promise<{ certificate: Certificate; replacement: Certificate | null } | null> {
    const code = normalisePublicCode(input);
    if (!code) return null;
    const certificate = await this.certificates.findOneBy({ code });
    if (!certificate) return null;
    let replacement: Certificate | null = null;
    // Follow the chain to the certificate that is current now (a name can be corrected twice).
    let next = certificate.replacedById;
    for (let hops = 0; next !== null && hops < 10; hops++) {
      replacement = await this.certificates.findOneBy({ id: next });
      next = replacement?.replacedById ?? null;
    }
    return { certificate, replacement };
  }

  /**
   * Staff search by learner name or email, course and cohort; facilitators only within their cohorts.
   * The one read that joins other features' tables (user, course, cohort, cohort_facilitator) in SQL:
   * a filtered, paged search across them cannot be made from per-row service calls without N+1.
   */
  async search(actor: Actor, filter: StaffSearch) {
    const page = Math.max(1, filter.page ?? 1);
    const query = this.certificates
      .createQueryBuilder('c')
      .innerJoin('app_user', 'u', 'u.id = c.userId')
      .innerJoin('course', 'course', 'course.id = c.courseId')
      .leftJoin('cohort', 'cohort', 'cohort.id = c.cohortId')
      .select([
        'c.id AS id',
        'c.code AS code',
        'c.status AS status',
        'c.kind AS kind',
        'c.holderName AS "holderName"',
        'c.courseTitle AS "courseTitle"',
      ])
      .addSelect(['c.issuedAt AS "issuedAt"', 'c.cohortId AS "cohortId"', 'cohort.name AS "cohortName"', 'u.email AS email']);
    if (!isManager(actor)) {
      query.andWhere('c.cohortId IN (SELECT "f"."cohortId" FROM "cohort_facilitator" "f" WHERE "f"."userId" = :facilitatorId)', {
        facilitatorId: actor.id,
      });
    }
    if (filter.learner?.trim()) {
      const like = `%${filter.learner
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where("LOWER(u.name) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(u.email) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(c.holderName) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    if (filter.course?.trim()) {
      const like = `%${filter.course
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where("LOWER(c.courseTitle) LIKE :courseLike ESCAPE '\\'", { courseLike: like })
            .orWhere("LOWER(course.slug) LIKE :courseLike ESCAPE '\\'", { courseLike: like }),
        ),
      );
    }
    if (filter.cohortId) query.andWhere('c.cohortId = :cohortId', { cohortId: filter.cohortId });
    const total = await query.getCount();
    const rows = await query
      .orderBy('c.issuedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset((page - 1) * STAFF_PAGE_SIZE)
      .limit(STAFF_PAGE_SIZE)
      .getRawMany<StaffRow>();
    return {
      rows: rows.map((row) => ({ ...row, id: Number(row.id) })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
    };
  }

  /** The audit of one certificate, oldest first, with the actors' names. */
  async history(certificate: Certificate) {
    const events = await this.events.find({ where: { certificateId: certificate.id }, order: { at: 'ASC', id: 'ASC' } });
    const names = await this.sources.userNames(events.map((event) => event.actorId).filter((id): id is number => id !== null));
    return events.map((event) => ({ ...event, actorName: event.actorId === null ? null : (names.get(event.actorId) ?? null) }));
  }

  findById(id: number): Promise<Certificate | null> {
    return this.certificates.findOneBy({ id });
  }

  /** Current certificates of a cohort (the zip download), in id order, without their bytes. */
  ofCohort(cohortId: number): Promise<Certificate[]> {
    return this.certificates.find({ where: { cohortId, status: Not('replaced') }, order: { id: 'ASC' } });
  }
}

export interface StaffRow {
  id: number;
  code: string;
  status: CertificateStatus;
  kind: string;
  holderName: string;
  courseTitle: string;
  issuedAt: Date | string;
  cohortId: number | null;
  cohortName: string | null;
  email: string;
}
