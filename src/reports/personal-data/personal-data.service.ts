import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { TypedCell } from '../../common/safe-cells';
import { AttemptReader } from '../../quizzes/attempt-reader';
import type { User } from '../../users/user.entity';
import { DownloadAuditService } from '../audit/download-audit.service';
import { SheetColumn, writeCsv } from '../export/sheet-writers';
import { ReportSources } from '../report-sources';

const PROFILE_FIELDS = [
  'id',
  'email',
  'name',
  'institution',
  'institutionOther',
  'position',
  'country',
  'countryOther',
  'department',
  'dutyStation',
  'sex',
  'ageGroup',
  'preferredLanguage',
  'role',
  'dataConsentAt',
  'lastLoginAt',
  'createdAt',
  'updatedAt',
] as const;

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

function plain(value: unknown): Plain {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, plain(item)]));
  return value as Plain;
}

/** Flattens nested data to (path, value) pairs: "enrolments.0.progress.percent" = 50. */
export function flatten(value: Plain, path = ''): [string, TypedCell][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    if (!entries.length) return [[path, '']];
    return entries.flatMap(([key, item]) => flatten(item, path ? `${path}.${key}` : key));
  }
  return [[path, typeof value === 'boolean' ? String(value) : value]];
}

/** Everything the platform holds about the signed-in learner, and nothing about anyone else. */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly sources: ReportSources,
    private readonly attempts: AttemptReader,
    private readonly audit: DownloadAuditService,
  ) {}

  async collect(user: User): Promise<Record<string, Plain>> {
    const [records, attempts] = await Promise.all([this.sources.learnerRecords(user.id), this.attempts.forLearner(user.id)]);
    return {
      profile: plain(Object.fromEntries(PROFILE_FIELDS.map((field) => [field, user[field]]))),
      enrolments: records.map((record) =>
        plain({
          id: record.enrolment.id,
          course: { id: record.course.id, slug: record.course.slug, title: record.course.title },
          cohort: record.cohort ? { id: record.cohort.id, name: record.cohort.name, country: record.cohort.country } : null,
          status: record.enrolment.status,
          enrolledAt: record.enrolment.createdAt,
          completedAt: record.enrolment.completedAt,
          lastActivityAt: record.enrolment.lastActivityAt,
          progress: record.progress ?? null,
        }),
      ),
      attempts: attempts.map((attempt) =>
        plain({
          id: attempt.id,
          courseId: attempt.courseId,
          moduleId: attempt.moduleId,
          kind: attempt.kind,
          attemptNumber: attempt.attemptNumber,
          status: attempt.status,
          language: attempt.language,
          answers: attempt.answers,
          startedAt: attempt.startedAt,
          submittedAt: attempt.submittedAt,
          late: attempt.late,
          questionCount: attempt.questionCount,
          correctCount: attempt.correctCount,
          score: attempt.score,
          passed: attempt.passed,
        }),
      ),
      certificates: records
        .filter((record) => record.certificate)
        .map((record) => plain({ enrolmentId: record.enrolment.id, ...record.certificate })),
    };
  }

  async writeJson(user: User, destination: Writable): Promise<void> {
    const data = await this.collect(user);
    const auditId = await this.audit.start(user.id, 'own-data', 'json', { userId: user.id });
    destination.end(JSON.stringify(data, null, 2));
    await this.audit.finish(auditId, 1);
  }

  /** The same data as (section, field, value) lines, for a spreadsheet. */
  async writeCsv(user: User, destination: Writable, headers: [string, string, string]): Promise<void> {
    const data = await this.collect(user);
    const auditId = await this.audit.start(user.id, 'own-data', 'csv', { userId: user.id });
    const columns: SheetColumn[] = headers.map((header) => ({ header, kind: 'text', width: 30 }));
    async function* rows(): AsyncGenerator<TypedCell[]> {
      for (const [section, value] of Object.entries(data)) {
        for (const [path, cell] of flatten(value)) yield [section, path, cell];
      }
    }
    const count = await writeCsv(destination, columns, rows());
    await this.audit.finish(auditId, count);
  }
}
