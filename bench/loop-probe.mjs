// Preloaded into `serve` by bench/loop.ts (NODE_OPTIONS=--import=…): the web thread's event-loop
// delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution) and its CPU time (Linux: the thread's
// own utime + stime), written as one JSON line to BENCH_LOOP_FILE and started afresh at every
// SIGUSR2, so the bench reads them over a window of its choosing: a long delay with little CPU is
// the machine's other work, with much CPU the thread's own. Worker threads load it and do nothing.
import { appendFileSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

/** This thread's CPU time in ms: /proc/<pid>/task/<pid>/stat, utime and stime (fields 14, 15) in 1/100 s. */
function cpuMs() {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const file = process.env.BENCH_LOOP_FILE;
if (isMainThread && file) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  let cpuAt = cpuMs();
  process.on('SIGUSR2', () => {
    const cpu = cpuMs();
    const line = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      count: histogram.count,
      cpuMs: cpu - cpuAt,
    };
    cpuAt = cpu;
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    histogram.reset();
  });
}
