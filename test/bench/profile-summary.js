// Summarises a V8 CPU profile (.cpuprofile) for the benchmark report: where the server's busy time goes.
const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

function place(callFrame) {
  const { url, functionName } = callFrame;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/')) return `app ${url.split('/dist/')[1]}`;
  return url || `(${functionName || 'native'})`;
}

/**
 * Self time grouped by where the code lives (a package under node_modules, node's internals, the app's file,
 * V8's own entries), as a percent of all samples and of the busy ones (not idle), largest first; plus the
 * busiest single functions.
 */
function summarise(profile, top = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const places = new Map();
  const functions = new Map();
  let total = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const { callFrame } = byId.get(profile.samples[i]);
    const ms = (profile.timeDeltas[i] || 0) / 1000;
    total += ms;
    if (callFrame.functionName === '(idle)') idle += ms;
    const where = place(callFrame);
    places.set(where, (places.get(where) || 0) + ms);
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'app ')}:${callFrame.lineNumber + 1}`;
    if (!IDLE.has(callFrame.functionName)) functions.set(name, (functions.get(name) || 0) + ms);
  }
  const busy = total - idle;
  const percent = (ms, of) => Math.round((ms / of) * 1000) / 10;
  return {
    idlePercent: percent(idle, total),
    byPlace: [...places]
      .filter(([where]) => where !== '((idle))')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ where, percentOfBusy: percent(ms, busy) })),
    topFunctions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, ms]) => ({ name, percentOfBusy: percent(ms, busy) })),
  };
}

module.exports = { summarise };
