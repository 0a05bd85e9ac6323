import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { TypedCell } from '../../common/safe-cells';
import { translator } from '../../i18n/i18n';
import { DownloadAuditService } from '../audit/download-audit.service';
import { SheetColumn, writeCsv, writeXlsx } from '../export/sheet-writers';
import { RosterRecord, ReportSources } from '../report-sources';
import { ReportActor, ReportScopeService } from '../scope/report-scope.service';
import { filterParams, ReportFilter, ReportScope, rosterQueryFrom } from './report-filter';
import { ROSTER_COLUMNS, rosterHeaders, rosterRow, RosterSource, rosterStatus } from './roster-row';
import { courseTitle } from '../../content/course-title';

export type SheetFormat = 'csv' | 'xlsx';

/** A file ready to stream: the controller sets the headers, then calls write. */
export interface PreparedDownload {
  fileName: string;
  contentType: string;
  write(destination: Writable): Promise<number>;
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What a roster row shows of a record; an anonymised person is named as such, without email. */
export function rosterSource(record: RosterRecord, lang: string): RosterSource {
  const { user, enrolment, course, cohort } = record;
  const t = translator(lang);
  return {
    enrolment,
    person: { ...user, name: user.anonymisedAt ? t('reports.anonymised') : user.name, email: user.anonymisedAt ? '' : user.email },
    courseTitle: courseTitle(course, lang),
    cohortName: cohort?.name ?? null,
    progress: record.progress,
    certificate: record.certificate,
  };
}

/** Rosters: who is in which course and how far they got, streamed from the database page by page. */
@Injectable()
export class RosterService {
  constructor(
    private readonly sources: ReportSources,
    private readonly scopes: ReportScopeService,
    private readonly audit: DownloadAuditService,
  ) {}

  /** The scope check every report starts with: learners get a 404, a cohort outside the scope too. */
  async scopeFor(actor: ReportActor, filter: ReportFilter): Promise<ReportScope> {
    const scope = await this.scopes.scopeFor(actor);
    await this.scopes.assertCohortInScope(scope, filter.cohort);
    return scope;
  }

  /** Records matching the filter, the status checked against the progress read model. */
  async *records(scope: ReportScope, filter: ReportFilter): AsyncGenerator<RosterRecord> {
    for await (const page of this.sources.pages(rosterQueryFrom(filter, scope))) {
      for (const record of page) {
        if (!filter.status || rosterStatus(record.enrolment.status, record.progress) === filter.status) yield record;
      }
    }
  }

  async *rows(scope: ReportScope, filter: ReportFilter, lang: string): AsyncGenerator<TypedCell[]> {
    for await (const record of this.records(scope, filter)) yield rosterRow(rosterSource(record, lang), lang);
  }

  /** How many enrolments the filter covers (before the in-progress/enrolled split), for the page. */
  async count(actor: ReportActor, filter: ReportFilter): Promise<number> {
    return this.sources.count(rosterQueryFrom(filter, await this.scopeFor(actor, filter)));
  }

  async download(actor: ReportActor, filter: ReportFilter, format: SheetFormat, lang: string, today: Date): Promise<PreparedDownload> {
    const scope = await this.scopeFor(actor, filter);
    const t = translator(lang);
    const headers = rosterHeaders(lang);
    const columns: SheetColumn[] = ROSTER_COLUMNS.map((column, index) => ({
      header: headers[index],
      kind: column.kind,
      width: column.width,
    }));
    return {
      fileName: `${t('reports.roster.fileName')}-${today.toISOString().slice(0, 10)}.${format}`,
      contentType: CONTENT_TYPES[format],
      write: async (destination) => {
        const auditId = await this.audit.start(actor.id, 'roster', format, filterParams(filter));
        const rows = this.rows(scope, filter, lang);
        const count =
          format === 'csv'
            ? await writeCsv(destination, columns, rows)
            : await writeXlsx(destination, t('reports.roster.sheet'), columns, rows);
        await this.audit.finish(auditId, count);
        return count;
      },
    };
  }
}
