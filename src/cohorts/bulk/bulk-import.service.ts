import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan, Not, QueryFailedError, Repository } from 'typeorm';
import { AccountTokensService, SET_PASSWORD_LINK_DAYS } from '../../account/account-tokens.service';
import { NO_PASSWORD_HASH } from '../../account/account.service';
import { Clock } from '../../common/clock';
import { FormError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { EnrolmentsService } from '../../enrolments/enrolments.service';
import { LinkDelivery, LinkMailer, summariseDeliveries } from '../../mail/link-mailer';
import { AGE_GROUPS } from '../../users/profile-options';
import { UsersService } from '../../users/users.service';
import { CohortNotFoundError } from '../cohort-errors';
import { Actor, CohortsService } from '../cohorts.service';
import { Cohort } from '../entities/cohort.entity';
import { isActivePerCourseViolation, withCohortLock } from '../enrolment/cohort-transaction';
import { EnrolmentPlacement } from '../enrolment/enrolment-placement';
import { seatsLeft } from '../enrolment/enrolment-rules';
import { AccountState, PlannedRow, planRows, summarise } from './bulk-plan';
import { BulkImport } from './bulk-import.entity';
import { ParsedRow, parseSheet } from './bulk-rows';
import { headerLabelSets, optionIndex } from './bulk-files';
import { MAX_DATA_ROWS, readSpreadsheet, UnreadableSpreadsheetError } from './spreadsheet';

export interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
}

/** Previews nobody confirmed hold personal data for no purpose: they are removed after a week. */
const STALE_PREVIEW_MS = 7 * 24 * 60 * 60 * 1000;

/** Bulk enrolment: upload -> preview (nothing written) -> confirm (one transaction) -> result file. Coordinators only. */
@Injectable()
export class BulkImportService {
  private readonly logger = new Logger('BulkEnrolment');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(BulkImport) private readonly imports: Repository<BulkImport>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cohorts: CohortsService,
    private readonly placement: EnrolmentPlacement,
    private readonly enrolments: EnrolmentsService,
    private readonly users: UsersService,
    private readonly tokens: AccountTokensService,
    private readonly mailer: LinkMailer,
    private readonly clock: Clock,
  ) {}

  async cohortFor(actor: Actor, cohortId: number): Promise<Cohort> {
    this.cohorts.assertManager(actor);
    return this.cohorts.accessible(actor, cohortId);
  }

  async recent(actor: Actor, cohortId: number) {
    const cohort = await this.cohortFor(actor, cohortId);
    const imports = await this.imports.find({
      where: { cohortId, status: Not('discarded') },
      order: { id: 'DESC' },
      take: 10,
      select: ['id', 'fileName', 'status', 'createdAt', 'appliedAt'],
    });
    return { cohort, imports };
  }

  async upload(actor: Actor, cohortId: number, file: UploadedSpreadsheet | undefined): Promise<BulkImport> {
    const cohort = await this.cohortFor(actor, cohortId);
    if (cohort.archivedAt) throw FormError.field('file', 'cohorts.bulk.problems.archived');
    if (!file || !file.buffer.length) throw FormError.field('file', 'cohorts.bulk.noFile');
    let sheet;
    try {
      sheet = await readSpreadsheet(file.buffer);
    } catch (error) {
      if (error instanceof UnreadableSpreadsheetError) throw FormError.field('file', 'cohorts.bulk.unreadable');
      throw error;
    }
    const parsed = parseSheet(sheet, optionIndex(), AGE_GROUPS, headerLabelSets(), MAX_DATA_ROWS);
    if (parsed.fileProblems.length) throw new FormError({ file: parsed.fileProblems });
    await this.imports.delete({ status: 'preview', createdAt: LessThan(new Date(this.clock.now().getTime() - STALE_PREVIEW_MS)) });
    return this.imports.save(
      this.imports.create({
        cohortId,
        createdById: actor.id,
        fileName: file.originalname.slice(0, 255) || 'upload',
        status: 'preview',
        rows: parsed.rows,
        results: null,
        appliedAt: null,
      }),
    );
  }

  /** What confirming would do now, row by row; reads only. */
  async preview(actor: Actor, cohortId: number, importId: number) {
    const cohort = await this.cohortFor(actor, cohortId);
    const bulk = await this.importOf(cohortId, importId);
    const planned = bulk.status === 'preview' ? await this.plan(this.dataSource.manager, cohort, bulk.rows) : (bulk.results ?? []);
    return { cohort, bulk, planned, summary: summarise(planned) };
  }

  /**
   * Applies the valid rows in one transaction under the cohort lock, planning
   * again on the current data (someone may have enrolled since the preview).
   * Returns the set-password links of the new accounts, which exist only here and in the mailer.
   */
  async confirm(actor: Actor, cohortId: number, importId: number, lang: string) {
    await this.cohortFor(actor, cohortId);
    const links: { email: string; name: string; link: string }[] = [];
    let outcome: { bulk: BulkImport; planned: PlannedRow[] };
    try {
      outcome = await withCohortLock(this.dataSource, cohortId, async (manager, cohort) => {
        if (!cohort) throw new CohortNotFoundError();
        const bulk = await manager.getRepository(BulkImport).findOneBy({ id: importId, cohortId });
        if (!bulk) throw new CohortNotFoundError();
        if (bulk.status !== 'preview') return { bulk, planned: bulk.results ?? [] };
        const planned = await this.plan(manager, cohort, bulk.rows);
        const rowsByLine = new Map(bulk.rows.map((row) => [row.line, row]));
        for (const row of planned) {
          if (row.outcome !== 'newAccount' && row.outcome !== 'enrolExisting') continue;
          const userId = row.userId ?? (await this.createAccount(manager, rowsByLine.get(row.line) as ParsedRow, lang));
          const placed = await this.placement.place(manager, cohort, userId, { route: 'staff' });
          if (!placed.ok) {
            Object.assign(row, { outcome: 'error', messages: [{ key: `enrolments.refused.${placed.reason}`, params: placed.params }] });
            continue;
          }
          if (row.outcome === 'newAccount') {
            links.push({
              email: row.email,
              name: row.name,
              link: `${this.config.publicUrl}/account/set-password/${await this.tokens.issue(userId, 'set-password', manager)}`,
            });
          }
        }
        const appliedAt = this.clock.now();
        await manager.getRepository(BulkImport).update({ id: bulk.id }, { status: 'applied', results: planned, appliedAt });
        return { bulk: { ...bulk, status: 'applied' as const, results: planned, appliedAt }, planned };
      });
    } catch (error) {
      // Someone registered, or enrolled elsewhere, between planning and writing: nothing was written; planning again sees it.
      const driverError = (error as QueryFailedError).driverError as { message?: string; detail?: string } | undefined;
      const text = `${driverError?.message ?? ''} ${driverError?.detail ?? ''}`;
      if (error instanceof QueryFailedError && (/app_user\.email|\(email\)/i.test(text) || isActivePerCourseViolation(error))) {
        throw FormError.field('_form', 'cohorts.bulk.changedRetry', undefined, 409);
      }
      throw error;
    }
    // The new accounts were created in the coordinator's language: their emails use it too.
    const expiresAt = new Date(this.clock.now().getTime() + SET_PASSWORD_LINK_DAYS * 24 * 60 * 60 * 1000);
    const delivered: ((typeof links)[number] & { delivery: LinkDelivery })[] = [];
    for (const link of links) {
      delivered.push({
        ...link,
        delivery: await this.mailer.send({
          to: link.email,
          kind: 'newAccount',
          link: link.link,
          expiresAt,
          lang,
          params: { name: link.name },
        }),
      });
    }
    this.logger.log(`Bulk import ${importId} applied to cohort ${cohortId}: ${JSON.stringify(summarise(outcome.planned))}`);
    return {
      ...outcome,
      links: delivered,
      mail: summariseDeliveries(delivered.map((link) => link.delivery)),
      summary: summarise(outcome.planned),
    };
  }

  async discard(actor: Actor, cohortId: number, importId: number): Promise<void> {
    await this.cohortFor(actor, cohortId);
    await this.imports.update({ id: (await this.importOf(cohortId, importId)).id, status: 'preview' }, { status: 'discarded', rows: [] });
  }

  async applied(actor: Actor, cohortId: number, importId: number) {
    const cohort = await this.cohortFor(actor, cohortId);
    const bulk = await this.importOf(cohortId, importId);
    if (bulk.status !== 'applied' || !bulk.results) throw new CohortNotFoundError();
    return { cohort, bulk, planned: bulk.results, summary: summarise(bulk.results) };
  }

  private async importOf(cohortId: number, importId: number): Promise<BulkImport> {
    const bulk = Number.isInteger(importId) ? await this.imports.findOneBy({ id: importId, cohortId }) : null;
    if (!bulk || bulk.status === 'discarded') throw new CohortNotFoundError();
    return bulk;
  }

  /** Reads what the database knows about the rows' emails, then plans (pure). */
  private async plan(manager: EntityManager, cohort: Cohort, rows: ParsedRow[]): Promise<PlannedRow[]> {
    const emails = [...new Set(rows.map((row) => row.values.email).filter(Boolean))];
    const users = await this.users.findByEmailsWithin(manager, emails);
    const store = this.enrolments.within(manager);
    const enrolments = await store.forUsersInCohortOrCourse(
      users.map((user) => user.id),
      cohort.id,
      cohort.courseId,
    );
    const accounts = new Map<string, AccountState>();
    for (const user of users) {
      const mine = enrolments.filter((enrolment) => enrolment.userId === user.id);
      accounts.set(user.email, {
        userId: user.id,
        statusHere: mine.filter((enrolment) => enrolment.cohortId === cohort.id).pop()?.status ?? null,
        activeElsewhere: mine.find((enrolment) => enrolment.cohortId !== cohort.id && enrolment.status === 'active')?.cohort?.name ?? null,
      });
    }
    const active = await store.activeCount(cohort.id);
    const now = this.clock.now();
    const closedReason = cohort.archivedAt ? 'archived' : now > cohort.endsAt ? 'ended' : null;
    return planRows(rows, { accounts, seatsLeft: seatsLeft(cohort.capacity, active), closedReason });
  }

  /** A learner account without a usable password: its owner chooses one through the set-password link. */
  private async createAccount(manager: EntityManager, row: ParsedRow, lang: string): Promise<number> {
    const { values } = row;
    return this.users.insertWithin(manager, {
      email: values.email,
      passwordHash: NO_PASSWORD_HASH,
      name: values.name,
      role: 'learner',
      institution: values.institution,
      institutionOther: null,
      position: values.position,
      country: values.country,
      countryOther: null,
      department: values.department,
      dutyStation: values.dutyStation,
      sex: values.sex,
      ageGroup: values.ageGroup,
      preferredLanguage: lang,
      // When the coordinator registered the data; replaced by the person's own consent when they set their password.
      dataConsentAt: this.clock.now(),
    });
  }
}
