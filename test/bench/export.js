#!/usr/bin/env node
// `npm run bench:export`: a coordinator downloads the roster of 100,000 enrolments (the shared large data set of
// seed-large.js: 10,000 learners, 40 cohorts, mixed progress and quiz attempts) as CSV and as XLSX from the
// built app in production mode, on a scratch SQLite database, or PostgreSQL with
// BENCH_DATABASE_URL=postgres://user@host:5432/postgres (a database is created there and dropped).
// Reports the time of each export, the server's peak memory growth during it, and the rate of a learner's
// module page while it runs (against the rate before). Targets (issue #9): CSV < 3 s, XLSX < 10 s,
// growth < 100 MB, module page >= half its rate. The server runs on core 0, the load and the download on
// core 1 when `taskset` exists (as in run.js).
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { prepareLarge, scratchDatabase } = require('./seed-large');

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
const port = 3990 + Math.floor(Math.random() * 9);
const base = `http://127.0.0.1:${port}`;
const TARGETS = { csvSeconds: 3, xlsxSeconds: 10, growthMb: 100, rateShare: 0.5 };
// Production sends Secure cookies only over HTTPS: the bench speaks as the TLS proxy in front of the app does.
const PROXY = { 'x-forwarded-proto': 'https' };
const hasTaskset = spawnSync('taskset', ['-V']).status === 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer(database) {
  const args = [join(dist, 'src', 'main.js')];
  const [command, argv] = hasTaskset ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: database.url,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: base,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
  };
  if (process.env.BENCH_EXPORT_PROFILE) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${process.env.BENCH_EXPORT_PROFILE}`;
  // BENCH_DEBUG=1: the server's own log (JSON lines) on stdout too.
  return spawn(command, argv, { cwd: root, env, stdio: ['ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore', 'inherit'] });
}

// The first start after seeding issues the certificates of the completed enrolments (the backfill) before it listens.
async function waitForHealth(attempts = 1200) {
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

/** The server's own process (taskset execs node in place, so the pid is the same). */
const serverPid = (server) => server.pid;

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
  const page = await fetch(`${base}/auth/login`, { headers: PROXY });
  keep(page);
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...PROXY, 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  keep(response);
  if (response.status !== 303) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return cookie();
}

/** The first module of the learner's first course on My courses (the page measured during the export). */
async function modulePageOf(cookie) {
  const get = async (path) => (await fetch(`${base}${path}`, { headers: { ...PROXY, cookie } })).text();
  const slug = ((await get('/my/courses')).match(/href="\/courses\/([a-z0-9-]+)"/) || [])[1];
  if (!slug) throw new Error('the demo learner has no course on My courses');
  const path = ((await get(`/courses/${slug}`)).match(new RegExp(`href="(/courses/${slug}/modules/[a-z0-9-]+)"`)) || [])[1];
  return `${base}${path}`;
}

function pageRate(url, cookie, duration) {
  const instance = autocannon({ url, connections: 4, duration, headers: { ...PROXY, cookie } });
  return { instance, done: new Promise((resolve) => instance.on('done', resolve)) };
}

async function timedDownload(server, url, cookie) {
  const before = rssMb(serverPid(server));
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(serverPid(server)));
  }, 50);
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers: { ...PROXY, cookie } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(serverPid(server)));
  return { status: response.status, seconds, bytes, lines, growthMb: peak - before };
}

async function main() {
  if (hasTaskset) spawnSync('taskset', ['-cp', '1', String(process.pid)]);
  const dir = mkdtempSync(join(tmpdir(), 'aprende-export-bench-'));
  const database = await scratchDatabase(dir);
  let server;
  let failed = false;
  try {
    const seedStart = Date.now();
    const dataSet = await prepareLarge(dist, database.url);
    console.log(`seeded ${JSON.stringify(dataSet)} on ${database.kind} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    server = startServer(database);
    await waitForHealth();
    const coordinator = await signIn('coordinadora@demo.test', 'demo-coordinadora-2026');
    const learner = await signIn('aprendiz@demo.test', 'demo-aprendiz-2026');
    const modulePage = await modulePageOf(learner);
    const probe = await fetch(modulePage, { headers: { ...PROXY, cookie: learner } });
    if (probe.status !== 200) console.log(`note: the module page answered ${probe.status}; the rate below is of that answer`);
    const baseline = await pageRate(modulePage, learner, 5).done;
    const baseRate = baseline.requests.average;
    console.log(`module page alone: ${Math.round(baseRate)} req/s`);
    for (const format of (process.env.BENCH_FORMATS || 'csv,xlsx').split(',')) {
      const load = pageRate(modulePage, learner, 120);
      await sleep(300);
      const result = await timedDownload(server, `${base}/reports/roster.${format}`, coordinator);
      load.instance.stop();
      const during = await load.done;
      const limit = format === 'csv' ? TARGETS.csvSeconds : TARGETS.xlsxSeconds;
      const share = during.requests.average / baseRate;
      const ok = result.status === 200 && result.seconds <= limit && result.growthMb <= TARGETS.growthMb && share >= TARGETS.rateShare;
      if (!ok) failed = true;
      const rows = format === 'csv' ? `, ${result.lines - 1} rows` : '';
      console.log(
        `${ok ? 'ok  ' : 'SLOW'} ${format.toUpperCase().padEnd(4)} ${result.seconds.toFixed(2)} s (target <= ${limit} s), ${(result.bytes / 1e6).toFixed(1)} MB file${rows}, ` +
          `server memory +${Math.round(result.growthMb)} MB (target <= ${TARGETS.growthMb}), module page ${Math.round(during.requests.average)} req/s during it ` +
          `(${Math.round(share * 100)} % of alone, target >= ${TARGETS.rateShare * 100} %), status ${result.status}`,
      );
    }
  } finally {
    if (server) {
      server.kill();
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
