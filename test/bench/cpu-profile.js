// Preloaded into the benchmarked server (`node -r ./test/bench/cpu-profile.js`) when BENCH_PROFILE is set:
// the first SIGWINCH starts the V8 CPU profiler, the second writes the profile to BENCH_PROFILE_FILE (the same
// .cpuprofile format as `node --cpu-prof`, which only writes at a normal exit). Not SIGUSR2: Nest's shutdown
// hooks take that one as a stop signal.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(result.profile));
  });
});
