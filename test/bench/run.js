#!/usr/bin/env node
// `npm run bench`: throughput, latency and memory of the built app on a throwaway SQLite database.
// Targets live here, not in timed tests: pages must stay fast on the 2-core machines we deploy to.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'aprende-bench-'));
const port = 3900 + Math.floor(Math.random() * 90);
// Per instance on a 2-core machine: 100 page views a second serves several hundred learners at once.
const TARGETS = { minRequestsPerSecond: 100, maxP99Ms: 250, maxRssMb: 400 };

function waitForHealth(url, attempts = 120) {
  return new Promise((resolve, reject) => {
    const tryOnce = (left) =>
      fetch(url).then((r) => (r.ok ? resolve() : Promise.reject(new Error(String(r.status))))).catch((error) => {
        if (left <= 0) return reject(error);
        setTimeout(() => tryOnce(left - 1), 500);
      });
    tryOnce(attempts);
  });
}

async function main() {
  const server = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, SEED_DEMO: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let failed = false;
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    // A returning browser: it already holds a session cookie (a first visit creates one session row).
    const first = await fetch(`http://127.0.0.1:${port}/`);
    const cookie = (first.headers.get('set-cookie') || '').split(';')[0];
    for (const path of ['/', '/auth/login', '/courses', '/healthz']) {
      const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: 5, headers: { cookie } });
      const rps = Math.round(result.requests.average);
      const p99 = result.latency.p99;
      const ok = rps >= TARGETS.minRequestsPerSecond && p99 <= TARGETS.maxP99Ms && result.non2xx === 0;
      if (!ok) failed = true;
      console.log(`${ok ? 'ok  ' : 'SLOW'} GET ${path.padEnd(12)} ${String(rps).padStart(6)} req/s  p99 ${p99} ms  non-2xx ${result.non2xx}`);
    }
    const rssMb = Math.round(Number(require('node:fs').readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024);
    if (rssMb > TARGETS.maxRssMb) failed = true;
    console.log(`${rssMb <= TARGETS.maxRssMb ? 'ok  ' : 'BIG '} resident memory after load: ${rssMb} MB (target <= ${TARGETS.maxRssMb} MB)`);
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
