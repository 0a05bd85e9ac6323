/**
 * The allowed dependencies between the folders of src/ (see README, "Architecture").
 * `npm run check` runs: depcruise src --config .dependency-cruiser.js
 *
 * Each folder may import itself, the folders listed for it, and whatever those
 * may import in turn is NOT implied: the list is complete. The table is a
 * layering (every folder only lists folders above it in this file), so no two
 * folders can import each other, directly or round a loop.
 */
const BASE = ['config', 'i18n', 'common', 'database'];

/** folder -> the folders it may import (besides itself). Order: lowest layer first. */
const ALLOWED = {
  config: [],
  i18n: ['config'],
  common: ['config', 'i18n'],
  database: ['config', 'common'],
  throttling: [...BASE],
  mail: [...BASE],
  users: [...BASE],
  seed: [...BASE, 'users'],
  sessions: [...BASE, 'users'],
  account: [...BASE, 'mail', 'users', 'sessions'],
  auth: [...BASE, 'throttling', 'mail', 'users', 'sessions', 'account'],
  language: [...BASE, 'users'],
  health: [...BASE],
  home: [...BASE],
  content: [...BASE, 'users'],
  enrolments: [...BASE, 'users', 'content'],
  progress: [...BASE, 'content', 'enrolments'],
  cohorts: [...BASE, 'mail', 'users', 'seed', 'sessions', 'account', 'auth', 'content', 'enrolments', 'progress'],
  learning: [...BASE, 'users', 'content', 'enrolments', 'progress', 'cohorts'],
  // language: the header's switch on an open quiz keeps the ticked answers (LanguagePreference).
  quizzes: [...BASE, 'users', 'language', 'content', 'enrolments', 'progress', 'learning'],
  certificates: [...BASE, 'throttling', 'mail', 'users', 'content', 'enrolments', 'progress', 'cohorts'],
  reports: [...BASE, 'users', 'content', 'enrolments', 'progress', 'cohorts', 'quizzes', 'certificates'],
  cli: ['*'],
};

// The table must stay a layering: a folder lists only folders above it, so no loop can form.
const order = Object.keys(ALLOWED);
for (const [folder, allowed] of Object.entries(ALLOWED)) {
  for (const other of allowed) {
    if (other !== '*' && order.indexOf(other) >= order.indexOf(folder)) {
      throw new Error(`.dependency-cruiser.js: ${folder} may not import ${other} (not in a lower layer)`);
    }
  }
}

/** The composition root (src/*.ts) may import every folder; no folder may import it (except the CLI, which starts the app). */
const ROOT_FILES = '^src/(app\\.setup|app\\.module|app\\.bootstrap|main)\\.ts$';

const folderRules = Object.entries(ALLOWED)
  .filter(([, allowed]) => !allowed.includes('*'))
  .map(([folder, allowed]) => ({
    name: `only-allowed-from-${folder}`,
    comment: `src/${folder}/ may import only: ${allowed.length ? allowed.join(', ') : '(nothing in src/)'}`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^src/', pathNot: [`^src/(${[folder, ...allowed].join('|')})/`] },
  }));

module.exports = {
  forbidden: [
    ...folderRules,
    {
      name: 'known-folders-only',
      comment: 'Every folder of src/ has a row in the table above (add one for a new feature).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+/', pathNot: [`^src/(${Object.keys(ALLOWED).join('|')})/`] },
    },
    {
      name: 'no-root-imports',
      comment: 'No feature imports app.setup, app.module, app.bootstrap or main (the CLI may start the app).',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: '^src/cli/' },
      to: { path: ROOT_FILES },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between files either (TypeORM entities of one feature may name each other).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-specs-from-code',
      comment: 'Code never imports a spec.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '\\.spec\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Packages with an "exports" map (csv-parse/sync, csv-stringify/sync) resolve as Node resolves them.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'], mainFields: ['main', 'types'] },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
