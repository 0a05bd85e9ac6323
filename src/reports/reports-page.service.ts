import { Injectable } from '@nestjs/common';
import { translator } from '../i18n/i18n';
import { COUNTRIES, INSTITUTIONS } from '../users/profile-options';
import { filterQueryString, ReportFilter } from './roster/report-filter';
import { ROSTER_STATUSES } from './roster/roster-row';
import { RosterService } from './roster/roster.service';
import { ReportActor, ReportScopeService } from './scope/report-scope.service';
import { SummaryService } from './summary/summary.service';
import { summaryView } from './summary/summary-view';
import { courseTitle } from '../content/course-title';

/** Everything the /reports page shows for a filter: the choices, the download links and, when asked, the summary. */
@Injectable()
export class ReportsPageService {
  constructor(
    private readonly scopes: ReportScopeService,
    private readonly rosters: RosterService,
    private readonly summaries: SummaryService,
  ) {}

  async model(actor: ReportActor, query: ReportFilter & { run?: string }, lang: string) {
    const { run, ...filter } = query;
    const scope = await this.rosters.scopeFor(actor, filter);
    const t = translator(lang);
    const cohorts = await this.scopes.cohortsInScope(scope);
    const courses = [...new Map(cohorts.map((cohort) => [cohort.course.id, cohort.course])).values()].map((course) => ({
      id: course.id,
      title: courseTitle(course, lang),
    }));
    const countries = scope.kind === 'countries' ? scope.countries : COUNTRIES.filter((code) => code !== 'other');
    const queryString = filterQueryString(filter);
    const asked = run === '1' || queryString !== '';
    return {
      filter,
      scopeNote:
        scope.kind === 'countries'
          ? t('reports.scope.countries', { countries: scope.countries.map((code) => t(`options.countries.${code}`)).join(', ') })
          : scope.kind === 'cohorts'
            ? t('reports.scope.cohorts')
            : null,
      options: {
        courses,
        cohorts: cohorts
          .filter((cohort) => filter.course === undefined || cohort.courseId === filter.course)
          .map((cohort) => ({ id: cohort.id, name: cohort.name })),
        countries: countries.map((code) => ({ code, label: t(`options.countries.${code}`) })),
        institutions: INSTITUTIONS.map((code) => ({ code, label: t(`options.institutions.${code}`) })),
        statuses: ROSTER_STATUSES.map((code) => ({ code, label: t(`reports.status.${code}`) })),
      },
      links: {
        rosterCsv: `/reports/roster.csv${queryString}`,
        rosterXlsx: `/reports/roster.xlsx${queryString}`,
        summaryCsv: `/reports/summary.csv${queryString}`,
        summaryXlsx: `/reports/summary.xlsx${queryString}`,
        questions: `/reports/questions${filter.course ? `?course=${filter.course}${filter.cohort ? `&cohort=${filter.cohort}` : ''}` : ''}`,
      },
      isAdmin: actor.role === 'admin',
      asked,
      matching: asked ? await this.rosters.count(actor, filter) : null,
      summary: asked ? summaryView(await this.summaries.build(actor, filter, lang), lang) : null,
    };
  }
}
