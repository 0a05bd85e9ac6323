import hbs from 'hbs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../config/project-root';

const PARTIALS = ['problems', 'preview', 'questions'];

/** Partials shared by the authoring pages, kept with the feature's views (views/authoring/partials). */
export function registerAuthoringPartials(): void {
  for (const name of PARTIALS) {
    hbs.registerPartial(`authoring/${name}`, readFileSync(join(PROJECT_ROOT, 'views', 'authoring', 'partials', `${name}.hbs`), 'utf8'));
  }
}
