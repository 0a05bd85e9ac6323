import { Repository, SelectQueryBuilder } from 'typeorm';
import { Enrolment } from './enrolment.entity';

/**
 * Which enrolments a roster or a summary covers. Statuses are the enrolment's
 * own (pending, declined and moved rows are never in a roster: a moved learner
 * appears once, in the cohort they moved to).
 */
export interface RosterQuery {
  courseId?: number;
  cohortId?: number;
  /** The cohort's country (an edition runs per country). */
  country?: string;
  /** The learner's institution code. */
  institution?: string;
  statuses: ('active' | 'withdrawn')[];
  /** true: completed only; false: not completed only; undefined: both. */
  completed?: boolean;
  /** The date the range applies to: enrolment or completion. */
  dateField: 'enrolled' | 'completed';
  from?: Date;
  /** Exclusive end. */
  until?: Date;
  /** Staff scope: only these cohort countries, or only these cohorts (facilitators). Undefined = no limit. */
  scopeCountries?: string[];
  scopeCohortIds?: number[];
}

/** `joinAll`: the learner and the cohort are joined whatever the filter (the roster lines select from them). */
function filtered(repository: Repository<Enrolment>, query: RosterQuery, joinAll = false): SelectQueryBuilder<Enrolment> {
  const builder = repository.createQueryBuilder('enrolment').where('enrolment.status IN (:...statuses)', { statuses: query.statuses });
  if (joinAll) builder.innerJoin('enrolment.user', 'user').leftJoin('enrolment.cohort', 'cohort');
  if (query.courseId !== undefined) builder.andWhere('enrolment.courseId = :courseId', { courseId: query.courseId });
  if (query.cohortId !== undefined) builder.andWhere('enrolment.cohortId = :cohortId', { cohortId: query.cohortId });
  if (query.scopeCohortIds)
    builder.andWhere(query.scopeCohortIds.length ? 'enrolment.cohortId IN (:...scopeCohortIds)' : '1 = 0', {
      scopeCohortIds: query.scopeCohortIds,
    });
  if (query.country !== undefined || query.scopeCountries) {
    // A left-joined cohort that must match a country is an inner join in effect.
    if (!joinAll) builder.innerJoin('enrolment.cohort', 'cohort');
    if (query.country !== undefined) builder.andWhere('cohort.country = :country', { country: query.country });
    if (query.scopeCountries)
      builder.andWhere(query.scopeCountries.length ? 'cohort.country IN (:...scopeCountries)' : '1 = 0', {
        scopeCountries: query.scopeCountries,
      });
  }
  if (query.institution !== undefined)
    (joinAll ? builder : builder.innerJoin('enrolment.user', 'user')).andWhere('user.institution = :institution', {
      institution: query.institution,
    });
  if (query.completed === true) builder.andWhere('enrolment.completedAt IS NOT NULL');
  if (query.completed === false) builder.andWhere('enrolment.completedAt IS NULL');
  const dateColumn = query.dateField === 'completed' ? 'enrolment.completedAt' : 'enrolment.createdAt';
  if (query.from) builder.andWhere(`${dateColumn} >= :from`, { from: query.from });
  if (query.until) builder.andWhere(`${dateColumn} < :until`, { until: query.until });
  return builder;
}

/** One page in id order after `afterId` (keyset pagination: page 1,000 costs what page 1 costs). */
export function rosterPage(repository: Repository<Enrolment>, query: RosterQuery, afterId: number, limit: number): Promise<Enrolment[]> {
  return filtered(repository, query).andWhere('enrolment.id > :afterId', { afterId }).orderBy('enrolment.id', 'ASC').limit(limit).getMany();
}

export function rosterCount(repository: Repository<Enrolment>, query: RosterQuery): Promise<number> {
  return filtered(repository, query).getCount();
}

/** Every enrolment of one learner, any status, oldest first (their own-data export). */
export function enrolmentsOfLearner(repository: Repository<Enrolment>, userId: number): Promise<Enrolment[]> {
  return repository.find({ where: { userId }, order: { id: 'ASC' } });
}

/** What a roster line shows of the learner (their work details as they gave them). */
export interface RosterPerson {
  name: string;
  email: string;
  institution: string;
  institutionOther: string | null;
  position: string;
  sex: string;
  ageGroup: string;
  country: string;
  countryOther: string | null;
  department: string;
  dutyStation: string;
  anonymised: boolean;
}

/** One enrolment of a roster with its learner and its cohort's name: plain data, read in one statement. */
export interface RosterLine {
  id: number;
  userId: number;
  courseId: number;
  cohortId: number | null;
  status: Enrolment['status'];
  createdAt: Date;
  completedAt: Date | null;
  lastActivityAt: Date | null;
  lastModuleKey: string | null;
  cohortName: string | null;
  person: RosterPerson;
}

const ENROLMENT_FIELDS = ['id', 'userId', 'courseId', 'cohortId', 'status', 'createdAt', 'completedAt', 'lastActivityAt', 'lastModuleKey'];
const PERSON_FIELDS = [
  'name',
  'email',
  'institution',
  'institutionOther',
  'position',
  'sex',
  'ageGroup',
  'country',
  'countryOther',
  'department',
  'dutyStation',
  'anonymisedAt',
];

/** A raw row of rosterLines: the driver's own values, before the dates are read as TypeORM reads them. */
type RawLine = Record<string, string | number | Date | null>;

/**
 * One keyset page of roster lines (as rosterPage) with the learner's fields and the cohort's name
 * joined in, selected as raw columns: no entity is built, only the dates are converted, by the
 * driver exactly as TypeORM converts them when it loads an entity.
 */
export async function rosterLines(
  repository: Repository<Enrolment>,
  query: RosterQuery,
  afterId: number,
  limit: number,
): Promise<RosterLine[]> {
  const builder = filtered(repository, query, true).select('enrolment.id', 'id');
  for (const field of ENROLMENT_FIELDS.slice(1)) builder.addSelect(`enrolment.${field}`, field);
  for (const field of PERSON_FIELDS) builder.addSelect(`user.${field}`, `u_${field}`);
  builder.addSelect('cohort.name', 'cohortName');
  const raw = await builder
    .andWhere('enrolment.id > :afterId', { afterId })
    .orderBy('enrolment.id', 'ASC')
    .limit(limit)
    .getRawMany<RawLine>();
  const driver = repository.manager.connection.driver;
  const column = (name: string) => repository.metadata.findColumnWithPropertyName(name)!;
  const [createdAt, completedAt, lastActivityAt] = [column('createdAt'), column('completedAt'), column('lastActivityAt')];
  const date = (value: RawLine[string], metadata: typeof createdAt): Date | null =>
    value === null ? null : (driver.prepareHydratedValue(value, metadata) as Date);
  const text = (value: RawLine[string]) => (value === null ? null : String(value));
  return raw.map((row) => ({
    id: Number(row.id),
    userId: Number(row.userId),
    courseId: Number(row.courseId),
    cohortId: row.cohortId === null ? null : Number(row.cohortId),
    status: row.status as Enrolment['status'],
    createdAt: date(row.createdAt, createdAt)!,
    completedAt: date(row.completedAt, completedAt),
    lastActivityAt: date(row.lastActivityAt, lastActivityAt),
    lastModuleKey: text(row.lastModuleKey),
    cohortName: text(row.cohortName),
    person: {
      name: String(row.u_name),
      email: String(row.u_email),
      institution: String(row.u_institution),
      institutionOther: text(row.u_institutionOther),
      position: String(row.u_position),
      sex: String(row.u_sex),
      ageGroup: String(row.u_ageGroup),
      country: String(row.u_country),
      countryOther: text(row.u_countryOther),
      department: String(row.u_department),
      dutyStation: String(row.u_dutyStation),
      anonymised: row.u_anonymisedAt !== null,
    },
  }));
}
