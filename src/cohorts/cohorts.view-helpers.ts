import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HelperOptions } from 'handlebars';
import hbs from 'hbs';
import { PROJECT_ROOT } from '../config/project-root';
import type { Localized } from '../content/entities/course.entity';
import { localized } from './cohort-labels';

const PARTIALS_DIR = join(PROJECT_ROOT, 'views', 'cohorts', 'partials');

function languageOf(options: HelperOptions): string {
  const root = options.data?.root as { lang?: string } | undefined;
  return root?.lang ?? 'es';
}

/**
 * Helpers and partials of the cohorts pages, registered on the shared hbs
 * instance (partials as "cohorts/<name>", kept in views/cohorts/partials).
 */
export function registerCohortViewHelpers(): void {
  /** A course title (or any {es, en} text) in the reader's language. */
  hbs.registerHelper('localized', function (text: Localized, options: HelperOptions) {
    return localized(text, languageOf(options));
  });
  /**
   * Checkbox state for multi-value fields, whose posted values arrive as strings or numbers.
   * A form re-rendered after an error gets the raw body, where one ticked box is a single string, not a list.
   */
  hbs.registerHelper('includes', (list: unknown, value: unknown) => {
    const values = Array.isArray(list) ? list : list === undefined || list === null || list === '' ? [] : [list];
    return values.map(String).includes(String(value));
  });
  for (const file of readdirSync(PARTIALS_DIR).filter((name) => name.endsWith('.hbs'))) {
    hbs.registerPartial(`cohorts/${file.replace(/\.hbs$/, '')}`, readFileSync(join(PARTIALS_DIR, file), 'utf8'));
  }
}
