#!/usr/bin/env node
// `npm test`: every suite, in order, with one closing line that counts them all.
//   1. unit + e2e on SQLite
//   2. e2e again on PostgreSQL (TEST_DATABASE_URL, or the local server at 127.0.0.1:5432 if it answers)
//   3. real-browser journeys in Debian's Chromium
// Nothing is skipped silently: a phase that cannot run fails the run and says why,
// unless it is switched off explicitly (SKIP_POSTGRES_TESTS=1 / SKIP_BROWSER_TESTS=1), which is printed.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const resultsDir = join(root, 'tmp', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function runJest(label, args, env = {}) {
  const outputFile = join(resultsDir, `${label}.json`);
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args, '--json', `--outputFile=${outputFile}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (!existsSync(outputFile)) {
    totals.failed += 1;
    notes.push(`${label}: jest produced no results (exit ${result.status})`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites || 0);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (result.status !== 0 && report.numFailedTests === 0) {
    totals.failed += 1;
    notes.push(`${label}: jest exited with ${result.status}`);
  }
}

function postgresUrl() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const {Client}=require('pg');const c=new Client({connectionString:${JSON.stringify(LOCAL_POSTGRES)},connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { cwd: root },
  );
  return probe.status === 0 ? LOCAL_POSTGRES : undefined;
}

const workers = ['--maxWorkers=2'];
runJest('unit-and-e2e-sqlite', ['--selectProjects', 'unit', 'e2e', ...workers], { TEST_DATABASE_URL: '' });

if (process.env.SKIP_POSTGRES_TESTS === '1') {
  notes.push('PostgreSQL e2e NOT run: SKIP_POSTGRES_TESTS=1');
} else {
  const url = postgresUrl();
  if (url) runJest('e2e-postgres', ['--selectProjects', 'e2e', ...workers], { TEST_DATABASE_URL: url });
  else {
    totals.failed += 1;
    notes.push('PostgreSQL e2e could not run: set TEST_DATABASE_URL (or SKIP_POSTGRES_TESTS=1 to leave it out on purpose)');
  }
}

if (process.env.SKIP_BROWSER_TESTS === '1') {
  notes.push('Browser tests NOT run: SKIP_BROWSER_TESTS=1');
} else if (!existsSync(CHROMIUM)) {
  totals.failed += 1;
  notes.push(`Browser tests could not run: no Chromium at ${CHROMIUM} (apt-get install chromium, or SKIP_BROWSER_TESTS=1)`);
} else {
  runJest('browser', ['--selectProjects', 'browser', '--runInBand'], { CHROMIUM_PATH: CHROMIUM });
}

console.log('');
for (const note of notes) console.log(`note: ${note}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
