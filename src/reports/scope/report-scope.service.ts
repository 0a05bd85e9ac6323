import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CohortsService } from '../../cohorts/cohorts.service';
import { COUNTRIES } from '../../users/profile-options';
import { UsersService } from '../../users/users.service';
import type { ReportScope } from '../roster/report-filter';
import { CoordinatorCountry } from './coordinator-country.entity';

export interface ReportActor {
  id: number;
  role: string;
}

/**
 * Who may report on what: admins everything; coordinators every cohort, or
 * only the cohorts of the countries an admin assigned to them; facilitators
 * only their own cohorts; anyone else gets a 404 (the reports do not exist for them).
 */
@Injectable()
export class ReportScopeService {
  constructor(
    @InjectRepository(CoordinatorCountry) private readonly countries: Repository<CoordinatorCountry>,
    private readonly cohorts: CohortsService,
    private readonly users: UsersService,
  ) {}

  async scopeFor(actor: ReportActor): Promise<ReportScope> {
    if (actor.role === 'admin') return { kind: 'all' };
    if (actor.role === 'coordinator') {
      const countries = await this.countriesOf(actor.id);
      return countries.length ? { kind: 'countries', countries } : { kind: 'all' };
    }
    if (actor.role === 'facilitator') return { kind: 'cohorts', cohortIds: await this.cohorts.facilitatedCohortIds(actor.id) };
    throw new NotFoundException();
  }

  /** A cohort named in a filter must be inside the scope: otherwise it does not exist for this person. */
  async assertCohortInScope(scope: ReportScope, cohortId: number | undefined): Promise<void> {
    if (cohortId === undefined || scope.kind === 'all') return;
    if (scope.kind === 'cohorts' && scope.cohortIds.includes(cohortId)) return;
    if (scope.kind === 'countries') {
      const [cohort] = await this.cohorts.findByIds([cohortId]);
      if (cohort && scope.countries.includes(cohort.country)) return;
    }
    throw new NotFoundException();
  }

  /** The cohorts (with courses) the filters may offer. */
  cohortsInScope(scope: ReportScope) {
    return this.cohorts.inScope(
      scope.kind === 'countries' ? { countries: scope.countries } : scope.kind === 'cohorts' ? { cohortIds: scope.cohortIds } : {},
    );
  }

  async countriesOf(userId: number): Promise<string[]> {
    return (await this.countries.find({ where: { userId }, order: { country: 'ASC' } })).map((row) => row.country);
  }

  /** Every coordinator with their countries, for the admin page. */
  async coordinators() {
    const coordinators = await this.users.withRole('coordinator');
    const rows = await this.countries.find();
    return coordinators.map((user) => ({ user, countries: rows.filter((row) => row.userId === user.id).map((row) => row.country) }));
  }

  /** An admin limits a coordinator to some countries (none = every country). */
  async setCountries(actor: ReportActor, userId: number, countries: string[]): Promise<void> {
    if (actor.role !== 'admin') throw new ForbiddenException();
    const target = await this.users.findById(userId);
    if (!target || target.role !== 'coordinator') throw new NotFoundException();
    const valid = [...new Set(countries)].filter((country) => (COUNTRIES as readonly string[]).includes(country) && country !== 'other');
    await this.countries.manager.transaction(async (manager) => {
      await manager.delete(CoordinatorCountry, { userId });
      if (valid.length)
        await manager.insert(
          CoordinatorCountry,
          valid.map((country) => ({ userId, country })),
        );
    });
  }
}
