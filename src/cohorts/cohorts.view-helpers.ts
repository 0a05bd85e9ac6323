import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hbs from 'hbs';
import { PROJECT_ROOT } from '../config/project-root';

const PARTIALS_DIR = join(PROJECT_ROOT, 'views', 'cohorts', 'partials');

/**
 * Helpers and partials of the cohorts pages, registered on the shared hbs
 * instance (partials as "cohorts/<name>", kept in views/cohorts/partials).
 */
export function registerCohortViewHelpers(): void {
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
