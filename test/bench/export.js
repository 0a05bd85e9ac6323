#!/usr/bin/env node
// `npm run bench:export`: a coordinator downloads the roster of 100,000 enrolments as CSV and as XLSX
// from the built app on a scratch SQLite database. Reports the time of each export, the server's peak
// memory growth during it, and the rate of a learner's module page while it runs (against the rate
// before). Targets (issue #9): CSV < 3 s, XLSX < 10 s, growth < 100 MB, module page >= half its rate.
// ENROLMENTS=20000 npm run bench:export runs a smaller set.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const sqlite3 = require('sqlite3');

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'aprende-export-bench-'));
const database = join(dir, 'bench.sqlite');
const port = 3990 + Math.floor(Math.random() * 9);
const base = `http://127.0.0.1:${port}`;
const COUNT = Number(process.env.ENROLMENTS || 100000);
const TARGETS = { csvSeconds: 3, xlsxSeconds: 10, growthMb: 100, rateShare: 0.5 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer() {
  return spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATABASE_URL: `sqlite:${database}`, SEED_DEMO: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(attempts = 240) {
  for (let left = attempts; left > 0; left -= 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error('the app did not start');
}

function rssMb(pid) {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
}

function db() {
  const connection = new sqlite3.Database(database);
  const run = (sql, params = []) =>
    new Promise((resolve, reject) => connection.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const get = (sql, params = []) =>
    new Promise((resolve, reject) => connection.get(sql, params, (error, row) => (error ? reject(error) : resolve(row))));
  const close = () => new Promise((resolve) => connection.close(resolve));
  return { connection, run, get, close };
}

/** 100,000 learners enrolled in one cohort of a demo course; half with a module done, a tenth completed. */
async function seed() {
  const { connection, run, get, close } = db();
  // The cohort the demo learner is in, so their module page (measured during the export) is a real page.
  const mine = await get(
    "SELECT e.courseId AS courseId, e.cohortId AS cohortId FROM enrolment e JOIN app_user u ON u.id = e.userId WHERE u.email = 'aprendiz@demo.test' AND e.status = 'active' AND e.cohortId IS NOT NULL ORDER BY e.id LIMIT 1",
  );
  const course = await get('SELECT id, slug FROM course WHERE id = ?', [mine.courseId]);
  const cohort = { id: mine.cohortId };
  const lesson = await get(
    "SELECT id, key FROM course_module WHERE courseId = ? AND kind = 'lesson' AND active = 1 ORDER BY position LIMIT 1",
    [course.id],
  );
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const institutions = ['pnc', 'dgme', 'fgr', 'minsal', 'conna', 'municipality'];
  const sexes = ['female', 'male'];
  await run('PRAGMA journal_mode = WAL');
  await run('BEGIN');
  const user =
    connection.prepare(`INSERT INTO app_user (email, passwordHash, name, institution, position, country, department, dutyStation, sex, ageGroup, preferredLanguage, role, dataConsentAt)
    VALUES (?, '!', ?, ?, 'Agente', 'SV', 'La Unión', 'El Amatillo', ?, '25-34', 'es', 'learner', ?)`);
  const enrolment = connection.prepare(
    'INSERT INTO enrolment (userId, courseId, cohortId, status, completedAt, lastActivityAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const progress = connection.prepare(
    'INSERT INTO module_progress (userId, courseId, moduleId, completedAt, quizScore, quizPassed) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const first = (await get('SELECT COALESCE(MAX(id), 0) AS id FROM app_user')).id + 1;
  const runStatement = (statement, params) =>
    new Promise((resolve, reject) => statement.run(params, (error) => (error ? reject(error) : resolve())));
  for (let i = 0; i < COUNT; i += 1) {
    const id = first + i;
    await runStatement(user, [`bench${i}@example.org`, `Participante ${i}`, institutions[i % institutions.length], sexes[i % 2], now]);
    await runStatement(enrolment, [
      id,
      course.id,
      cohort.id,
      i % 37 === 0 ? 'withdrawn' : 'active',
      i % 10 === 0 ? now : null,
      i % 2 === 0 ? now : null,
      now,
      now,
    ]);
    if (i % 2 === 0) await runStatement(progress, [id, course.id, lesson.id, now, 80, 1]);
  }
  await run('COMMIT');
  // Fold the write-ahead log into the database file, as a server that has run a while would have.
  await run('PRAGMA wal_checkpoint(TRUNCATE)');
  await run('ANALYZE');
  user.finalize();
  enrolment.finalize();
  progress.finalize();
  await close();
  return { course, lesson };
}

/** Signs in through the login form (CSRF token and cookies as a browser keeps them); returns the Cookie header. */
async function signIn(email, password) {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      jar.set(name, value.join('='));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const page = await fetch(`${base}/auth/login`);
  keep(page);
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  keep(response);
  if (response.status !== 303) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return cookie();
}

function pageRate(url, cookie, duration) {
  const instance = autocannon({ url, connections: 4, duration, headers: { cookie } });
  return { instance, done: new Promise((resolve) => instance.on('done', resolve)) };
}

async function timedDownload(server, url, cookie) {
  const before = rssMb(server.pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server.pid));
  }, 50);
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers: { cookie } });
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(server.pid));
  return { status: response.status, seconds, bytes, growthMb: peak - before };
}

async function main() {
  let server = startServer();
  let failed = false;
  try {
    await waitForHealth();
    server.kill();
    await new Promise((resolve) => server.on('exit', resolve));
    const seedStart = Date.now();
    const { course, lesson } = await seed();
    console.log(`seeded ${COUNT} enrolments in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    server = startServer();
    await waitForHealth();
    const coordinator = await signIn('coordinadora@demo.test', 'demo-coordinadora-2026');
    const learner = await signIn('aprendiz@demo.test', 'demo-aprendiz-2026');
    const modulePage = `${base}/courses/${course.slug}/modules/${lesson.key}`;
    const probe = await fetch(modulePage, { headers: { cookie: learner } });
    if (probe.status !== 200) console.log(`note: the module page answered ${probe.status}; the rate below is of that answer`);
    const baseline = await pageRate(modulePage, learner, 5).done;
    const baseRate = baseline.requests.average;
    console.log(`module page alone: ${Math.round(baseRate)} req/s`);
    for (const format of ['csv', 'xlsx']) {
      const load = pageRate(modulePage, learner, 60);
      await sleep(300);
      const result = await timedDownload(server, `${base}/reports/roster.${format}?course=${course.id}`, coordinator);
      load.instance.stop();
      const during = await load.done;
      const limit = format === 'csv' ? TARGETS.csvSeconds : TARGETS.xlsxSeconds;
      const share = during.requests.average / baseRate;
      const ok = result.status === 200 && result.seconds <= limit && result.growthMb <= TARGETS.growthMb && share >= TARGETS.rateShare;
      if (!ok) failed = true;
      console.log(
        `${ok ? 'ok  ' : 'SLOW'} ${format.toUpperCase().padEnd(4)} ${result.seconds.toFixed(2)} s (target <= ${limit} s), ${(result.bytes / 1e6).toFixed(1)} MB file, ` +
          `server memory +${Math.round(result.growthMb)} MB (target <= ${TARGETS.growthMb}), module page ${Math.round(during.requests.average)} req/s during it ` +
          `(${Math.round(share * 100)} % of alone, target >= ${TARGETS.rateShare * 100} %), status ${result.status}`,
      );
    }
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
