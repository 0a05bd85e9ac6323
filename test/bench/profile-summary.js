// Summarises a V8 CPU profile (.cpuprofile) for the benchmark report.
/** Self time by where the code lives (a package under node_modules, node's internals, or the app's file), largest first. */
function summarise(profile, top = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const dt = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i]);
    const ms = (dt[i] || 0) / 1000;
    total += ms;
    const { url, functionName } = node.callFrame;
    const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const where = pkg ? pkg[1] : url.startsWith('node:') ? 'node internals' : url.includes('/dist/') ? `app ${url.split('/dist/')[1]}` : url ? url : `(${functionName || 'native'})`;
    self.set(where, (self.get(where) || 0) + ms);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([where, ms]) => ({ where, percent: Math.round((ms / total) * 1000) / 10 }));
}

module.exports = { summarise };
