#!/usr/bin/env node
// `npm run bench`: throughput, latency and memory of the built app in production mode, on a large data set
// (10,000 learners, 40 cohorts, 100,000 enrolments) in a scratch database: SQLite by default, PostgreSQL with
// BENCH_DATABASE_URL=postgres://user@host:5432/postgres (a database is created and dropped there).
// The server runs on core 0 and the load generator on core 1 when `taskset` exists.
// Targets live here, not in timed tests. Results are printed and written to test/bench/results/.
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { prepareLarge, scratchDatabase } = require('./seed-large');

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;
const TARGETS = { minRps: 1000, minRatioToHealth: 0.5, maxP99Ms: 100, minSubmissionsPerSecond: 600, maxRssMb: 200 };
// Production sends Secure cookies only over HTTPS: the bench speaks as the TLS proxy in front of the app does.
const PROXY = { 'x-forwarded-proto': 'https' };
const DEMO_LEARNER = { email: 'aprendiz@demo.test', password: 'demo-aprendiz-2026' };
// Seeded by seed-large.js, each active in every course: one per connection submits quizzes, as real learners do.
const benchLearner = (i) => ({ email: `bench-${i}@bench.test`, password: 'bench-password-2026' });
const RSS_SECONDS = Number(process.env.BENCH_RSS_SECONDS || 30);
// BENCH_ONLY=module,quiz: only those measurements (and /healthz, the yardstick). Keys: healthz, module, course, my,
// catalogue, quiz, memory, dev.
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((key) => key.trim())) : null;
const selected = (key) => !ONLY || key === 'healthz' || ONLY.has(key);

const hasTaskset = spawnSync('taskset', ['-V']).status === 0;
const pinned = (args) => (hasTaskset ? ['taskset', ['-c', '0', ...args]] : [args[0], args.slice(1)]);

async function pgAdmin(serverUrl, sql) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * BENCH_SEED_CACHE=<dir>: a seeded database is kept (SQLite: a copy of the file in that directory; PostgreSQL: a
 * template database `bench_seed_cache`) and later runs start from a copy of it instead of seeding again (a minute
 * or more). Only for iterating: delete the directory (or drop the template) after a schema or seeder change.
 */
async function seededDatabase(database, contentDir) {
  const cache = process.env.BENCH_SEED_CACHE;
  const template = 'bench_seed_cache';
  const marker = cache && join(cache, `dataset-${database.kind}.json`);
  if (cache && existsSync(marker)) {
    if (database.kind === 'sqlite') cpSync(join(cache, 'bench.sqlite'), database.file);
    else await pgAdmin(database.serverUrl, `CREATE DATABASE "${database.name}" TEMPLATE "${template}"`);
    return JSON.parse(readFileSync(marker, 'utf8'));
  }
  if (database.kind === 'postgres') await pgAdmin(database.serverUrl, `CREATE DATABASE "${database.name}"`);
  const dataSet = await prepareLarge(dist, database.url, contentDir);
  if (cache) {
    mkdirSync(cache, { recursive: true });
    if (database.kind === 'sqlite') {
      // Every connection is closed by now, so SQLite has folded its write-ahead log into the file.
      cpSync(database.file, join(cache, 'bench.sqlite'));
    } else {
      await pgAdmin(database.serverUrl, `DROP DATABASE IF EXISTS "${template}"`);
      await pgAdmin(database.serverUrl, `CREATE DATABASE "${template}" TEMPLATE "${database.name}"`);
    }
    writeFileSync(marker, JSON.stringify(dataSet));
  }
  return dataSet;
}

/** The shipped courses with unlimited quiz attempts, so one learner can submit the same quiz thousands of times. */
function benchContent(dir) {
  const target = join(dir, 'content');
  cpSync(join(root, 'content'), target, { recursive: true });
  for (const course of readdirSync(target, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const file = join(target, course.name, 'course.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/max_attempts:\s*\d+/, 'max_attempts: 0')
        .replace(/time_limit_minutes:\s*\d+/, 'time_limit_minutes: 0'),
    );
  }
  return target;
}

// Up to 5 minutes: on a busy machine the first start on the large data set (certificates issued at start-up) takes minutes.
function waitForHealth(url, attempts = 600) {
  return new Promise((resolve, reject) => {
    const tryOnce = (left) =>
      fetch(url)
        .then((r) => (r.ok ? resolve() : Promise.reject(new Error(String(r.status)))))
        .catch((error) => {
          if (left <= 0) return reject(error);
          setTimeout(() => tryOnce(left - 1), 500);
        });
    tryOnce(attempts);
  });
}

function cookiesOf(response, jar = new Map()) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return jar;
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const tokenOf = (html) => html.match(/name="_csrf" value="([^"]+)"/)[1];

async function signIn(base, learner = DEMO_LEARNER) {
  const page = await fetch(`${base}/auth/login`, { headers: PROXY });
  const jar = cookiesOf(page);
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...PROXY, 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email: learner.email, password: learner.password, _csrf: tokenOf(await page.text()) }),
  });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  return cookieHeader(cookiesOf(response, jar));
}

/** One signed-in learner per connection, each with the CSRF token of its session. */
async function signInLearners(base, quizPath, count) {
  const learners = [];
  for (let i = 1; i <= count; i += 1) {
    const cookie = await signIn(base, benchLearner(i));
    const page = await fetch(`${base}${quizPath}`, { headers: { ...PROXY, cookie } });
    if (page.status !== 200) throw new Error(`bench learner ${i} cannot open ${quizPath}: ${page.status}`);
    learners.push({ cookie, token: tokenOf(await page.text()) });
  }
  return learners;
}

/** The learner's first course, one of its modules with a quiz, and the form fields of that quiz. */
async function learnerPaths(base, cookie) {
  const get = async (path) => (await fetch(`${base}${path}`, { headers: { ...PROXY, cookie } })).text();
  const myCourses = await get('/my/courses');
  const slug = (myCourses.match(/href="\/courses\/([a-z0-9-]+)"/) || [])[1];
  if (!slug) throw new Error(`the demo learner has no course on My courses:\n${myCourses.slice(0, 3000)}`);
  const coursePage = await get(`/courses/${slug}`);
  const modules = [...new Set([...coursePage.matchAll(new RegExp(`href="(/courses/${slug}/modules/[a-z0-9-]+)"`, 'g'))].map((m) => m[1]))];
  return { slug, coursePath: `/courses/${slug}`, modulePath: modules[0], quizPath: `${modules[0]}/quiz`, token: tokenOf(coursePage) };
}

/** One measured run: requests/s, p50/p99 and non-2xx/3xx answers. */
async function measure(options) {
  // One request first, so the one-time work of a page (compiling its templates) is not measured as if it were per request.
  if (options.url && !options.requests) {
    await fetch(options.url, { headers: { ...PROXY, ...options.headers } }).then((response) => response.arrayBuffer());
  }
  const result = await autocannon({
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...options,
    headers: { ...PROXY, ...options.headers },
  });
  if (process.env.BENCH_DEBUG)
    console.log(
      JSON.stringify({
        total: result.requests.total,
        sent: result.requests.sent,
        statusCodeStats: result.statusCodeStats,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      }),
    );
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result['4xx'] + result['5xx'],
    status4xx: result['4xx'],
    status5xx: result['5xx'],
    timeouts: result.timeouts,
  };
}

/**
 * Quiz submission as a learner does it: start an attempt, open it, submit answers (graded and stored).
 * Each connection is its own learner (autocannon keeps one context per connection): fifty connections
 * sharing one learner would all resume the same open attempt and all but one submission would be refused.
 */
function quizSubmissionRequests(quizPath, learners) {
  let next = 0;
  const form = { ...PROXY, 'content-type': 'application/x-www-form-urlencoded' };
  return [
    {
      method: 'POST',
      path: `${quizPath}/start`,
      setupRequest: (request, context) => {
        if (!context.learner) context.learner = learners[next++ % learners.length];
        const { cookie, token } = context.learner;
        return { ...request, headers: { ...form, cookie }, body: `_csrf=${encodeURIComponent(token)}` };
      },
    },
    {
      method: 'GET',
      path: quizPath,
      setupRequest: (request, context) => ({ ...request, headers: { ...PROXY, cookie: context.learner.cookie } }),
      onResponse: (status, body, context) => {
        context.action = (body.match(/<form method="post" action="([^"]+attempts\/\d+)"/) || [])[1];
        // One option per question (the first): enough for a graded attempt, valid for single-choice questions too.
        context.values = [...new Map([...body.matchAll(/name="(answers\[[^"]+)" value="([^"]+)"/g)].reverse().map((m) => [m[1], m[2]]))];
      },
    },
    {
      method: 'POST',
      setupRequest: (request, context) => {
        const { cookie, token } = context.learner;
        const body = new URLSearchParams([...(context.values || []), ['confirmIncomplete', '1'], ['_csrf', token]]);
        return { ...request, headers: { ...form, cookie }, path: context.action || `${quizPath}/attempts/0`, body: body.toString() };
      },
    },
  ];
}

function startServer({ port, database, contentDir, secret, base, production, profileFile }) {
  const preload = profileFile ? ['-r', join(__dirname, 'cpu-profile.js')] : [];
  if (process.env.BENCH_MEMLOG) preload.push('-r', join(__dirname, 'memory-log.js'));
  const [command, args] = pinned([process.execPath, ...preload, join(dist, 'src', 'main.js')]);
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: database.url,
    CONTENT_DIR: contentDir,
    SESSION_SECRET: secret,
    PUBLIC_URL: base,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
  };
  if (profileFile) env.BENCH_PROFILE_FILE = profileFile;
  if (production) env.NODE_ENV = 'production';
  else delete env.NODE_ENV;
  return spawn(command, args, { cwd: root, env, stdio: ['ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore', 'inherit'] });
}

function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    rss: Math.round(Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024),
    peak: Math.round(Number(status.match(/VmHWM:\s+(\d+)/)[1]) / 1024),
  };
}

async function main() {
  if (hasTaskset) spawnSync('taskset', ['-cp', '1', String(process.pid)]);
  const dir = mkdtempSync(join(tmpdir(), 'aprende-bench-'));
  const database = await scratchDatabase(dir);
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  let server;
  let failed = false;
  const results = {
    date: new Date().toISOString(),
    database: database.kind,
    durationSeconds: DURATION_S,
    connections: CONNECTIONS,
    pinned: hasTaskset,
    targets: TARGETS,
    pages: {},
  };
  try {
    const contentDir = benchContent(dir);
    const started = Date.now();
    results.dataSet = await seededDatabase(database, contentDir);
    console.log(`seeded ${JSON.stringify(results.dataSet)} on ${database.kind} in ${Math.round((Date.now() - started) / 1000)} s`);
    const secret = randomBytes(32).toString('hex');
    // BENCH_PROFILE=1 (or the key of a measurement, see MEASURES): a CPU profile of the server during that run.
    const profileKey = process.env.BENCH_PROFILE === '1' ? 'module' : process.env.BENCH_PROFILE;
    const profileFile = profileKey ? join(dir, 'server.cpuprofile') : null;
    server = startServer({ port, database, contentDir, secret, base, production: true, profileFile });
    await waitForHealth(`${base}/healthz`);
    const cookie = await signIn(base);
    const paths = await learnerPaths(base, cookie);
    const learners = selected('quiz') ? await signInLearners(base, paths.quizPath, CONNECTIONS) : [];
    const profiledRun = async (key, run) => {
      if (profileKey !== key) return run();
      server.kill('SIGWINCH');
      const figures = await run();
      server.kill('SIGWINCH');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      results.profile = { measure: key, ...require('./profile-summary').summarise(JSON.parse(readFileSync(profileFile, 'utf8'))) };
      if (process.env.BENCH_PROFILE_KEEP) cpSync(profileFile, process.env.BENCH_PROFILE_KEEP);
      console.log(
        `${key}: server idle ${results.profile.idlePercent}%; busy time by self time:`,
        results.profile.byPlace.map((entry) => `${entry.where} ${entry.percentOfBusy}%`).join(', '),
      );
      return figures;
    };
    const pages = [
      ['healthz', 'healthz', { url: `${base}/healthz` }],
      ['module', 'module page (learner)', { url: `${base}${paths.modulePath}`, headers: { cookie } }],
      ['course', 'course page (learner)', { url: `${base}${paths.coursePath}`, headers: { cookie } }],
      ['my', 'My courses (learner)', { url: `${base}/my/courses`, headers: { cookie } }],
      ['catalogue', 'catalogue (visitor)', { url: `${base}/courses` }],
    ];
    for (const [key, name, options] of pages) {
      if (selected(key)) results.pages[name] = await profiledRun(key, () => measure(options));
    }
    if (selected('quiz')) {
      const submissions = await profiledRun('quiz', () =>
        measure({ url: base, requests: quizSubmissionRequests(paths.quizPath, learners) }),
      );
      // Three requests make one submission.
      results.pages['quiz submission (3 requests each)'] = { ...submissions, submissionsPerSecond: Math.round(submissions.rps / 3) };
    }
    if (selected('memory')) {
      // Memory: the module page for 30 s more, then the resident size and its peak.
      const long = await measure({ url: `${base}${paths.modulePath}`, headers: { cookie }, duration: RSS_SECONDS });
      results.memoryMb = { ...residentMb(server.pid), afterSeconds: RSS_SECONDS, modulePageRps: long.rps };
    }
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let requests still queued finish before stopping
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));

    if (selected('dev')) {
      // Development mode (`npm start`: no NODE_ENV), same database and session: the module page only.
      server = startServer({ port, database, contentDir, secret, base, production: false });
      await waitForHealth(`${base}/healthz`);
      const development = await measure({ url: `${base}${paths.modulePath}`, headers: { cookie } });
      const production = results.pages['module page (learner)']?.rps;
      results.development = {
        modulePage: development,
        ratioToProduction: production ? Math.round((development.rps / production) * 100) / 100 : null,
      };
    }

    const health = results.pages.healthz.rps;
    for (const [name, figures] of Object.entries(results.pages)) {
      const isSubmission = 'submissionsPerSecond' in figures;
      const ratio = figures.rps / health;
      const ok =
        name === 'healthz' ||
        (isSubmission
          ? figures.submissionsPerSecond >= TARGETS.minSubmissionsPerSecond && figures.p99 <= TARGETS.maxP99Ms
          : figures.rps >= TARGETS.minRps && ratio >= TARGETS.minRatioToHealth && figures.p99 <= TARGETS.maxP99Ms);
      figures.ratioToHealth = Math.round(ratio * 100) / 100;
      figures.meetsTarget = ok && figures.errors === 0;
      if (!figures.meetsTarget) failed = true;
      const rate = isSubmission ? `${figures.submissionsPerSecond} subm/s` : `${figures.rps} req/s`;
      console.log(
        `${figures.meetsTarget ? 'ok  ' : 'MISS'} ${name.padEnd(36)} ${rate.padStart(12)}  x${figures.ratioToHealth.toFixed(2)} of /healthz  p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}`,
      );
    }
    if (results.memoryMb) {
      const memoryOk = results.memoryMb.rss <= TARGETS.maxRssMb;
      if (!memoryOk) failed = true;
      console.log(
        `${memoryOk ? 'ok  ' : 'MISS'} resident memory after ${RSS_SECONDS} s more on the module page: ${results.memoryMb.rss} MB (peak ${results.memoryMb.peak} MB, target <= ${TARGETS.maxRssMb} MB)`,
      );
    }
    if (results.development) {
      const devOk = results.development.ratioToProduction === null || results.development.ratioToProduction >= 0.5;
      if (!devOk) failed = true;
      console.log(
        `${devOk ? 'ok  ' : 'MISS'} development mode (no NODE_ENV), module page: ${results.development.modulePage.rps} req/s, x${results.development.ratioToProduction} of production (target >= x0.5)`,
      );
    }
    // A partial run (BENCH_ONLY) is printed only: the results files always hold a full run.
    if (!ONLY) {
      mkdirSync(join(__dirname, 'results'), { recursive: true });
      const file = join(__dirname, 'results', `pages-${database.kind}.json`);
      writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
      console.log(`written ${file}`);
    }
  } finally {
    server?.kill();
    await database.drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  // Missing a target is reported, not an error: the figures depend on the machine and what else runs on it.
  if (failed) console.log('some targets were missed (see MISS lines)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
