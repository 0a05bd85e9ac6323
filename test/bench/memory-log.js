// Preloaded into the benchmarked server when BENCH_MEMLOG is set: every 5 s, where its memory is (MB) on stderr.
const mb = (bytes) => Math.round(bytes / 1048576);
setInterval(() => {
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.stderr.write(
    `[memory] rss ${mb(rss)} heapTotal ${mb(heapTotal)} heapUsed ${mb(heapUsed)} external ${mb(external)} arrayBuffers ${mb(arrayBuffers)}\n`,
  );
}, 5000).unref();
