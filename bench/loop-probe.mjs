// Preloaded into `serve` by bench/loop.ts (NODE_OPTIONS=--import=…): the web thread's event-loop
// delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution), its CPU time (Linux: the thread's
// own utime + stime) and its garbage collector's pauses, written as one JSON line to BENCH_LOOP_FILE
// and started afresh at every SIGUSR2, so the bench reads them over a window of its choosing: a long
// delay with little CPU is the machine's other work, with much CPU the thread's own, and one as long
// as a GC pause is the collector's. With BENCH_LOOP_PROFILE set to a folder, each window's CPU
// profile (V8's sampler, every 100 µs or BENCH_LOOP_PROFILE_US: the sampling slows the thread, less at
// 250 or 500) is written there too, to see what ran during a stall
// (bench/loop-stalls.mjs reads them). Worker threads load it and do nothing.
import { appendFileSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { createHistogram, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
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

/**
 * The thread's time on a CPU and waiting in the run queue for one, in ns (Linux: schedstat's first two
 * fields): a tick's delay less the wait is what the thread itself did (ran, or blocked in a call).
 * Read into one buffer and parsed in place, a thousand times a second with next to no garbage: the
 * probe must not give the collector work of its own on the thread it measures.
 */
const schedBuffer = Buffer.alloc(128);
let schedFd;
function schedNs() {
  try {
    schedFd ??= openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
    const length = readSync(schedFd, schedBuffer, 0, schedBuffer.length, 0);
    let run = 0;
    let wait = 0;
    for (let i = 0, field = 0; i < length && field < 2; i++) {
      const byte = schedBuffer[i];
      if (byte === 32) field += 1;
      else if (field === 0) run = run * 10 + (byte - 48);
      else wait = wait * 10 + (byte - 48);
    }
    return { run, wait };
  } catch {
    return { run: Number.NaN, wait: Number.NaN };
  }
}

/**
 * Ticks of 1 ms, like the monitor's, each split into the time the thread waited for a CPU and the
 * rest (its own work, blocking calls, a collection): the delay it would see with the machine to
 * itself. The longest such tick is kept with its parts and the collections within it.
 */
function startOwnDelay() {
  const own = createHistogram();
  const none = { ms: 0, waitMs: 0, runMs: 0, gcMs: 0, start: 0, end: 0 };
  let worst = none;
  let gcs = [];
  new PerformanceObserver((list) => gcs.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
  let at = performance.now();
  let sched = schedNs();
  setInterval(() => {
    const now = performance.now();
    const next = schedNs();
    const waitMs = (next.wait - sched.wait) / 1e6;
    const ms = now - at - waitMs;
    own.record(Math.max(1, Math.round(ms * 1e6)));
    if (ms > worst.ms) worst = { ms, waitMs, runMs: (next.run - sched.run) / 1e6, gcMs: 0, start: at, end: now };
    at = now;
    sched = next;
  }, 1).unref();
  return () => {
    const { start, end, ...parts } = worst;
    const gcMs = gcs
      .filter((gc) => gc.startTime >= start && gc.startTime < end)
      .reduce((sum, gc) => sum + gc.duration, 0);
    const line = { ownP99: own.percentile(99) / 1e6, ownMax: own.max / 1e6, worst: { ...parts, gcMs } };
    own.reset();
    worst = none;
    gcs = [];
    return line;
  };
}

/** The window's CPU profiles, one file each, when asked for. */
function startProfiler(dir) {
  // Made here: a window's profile that cannot be written would end the server, and the bench wait for it.
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let window = 0;
  const start = () =>
    post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_LOOP_PROFILE_US ?? 100) }).then(() =>
      post('Profiler.start'),
    );
  void post('Profiler.enable').then(start);
  return () => {
    const name = join(dir, `window-${++window}.cpuprofile`);
    void post('Profiler.stop')
      .then(({ profile }) => writeFileSync(name, JSON.stringify(profile)))
      .then(start);
  };
}

const file = process.env.BENCH_LOOP_FILE;
if (isMainThread && file) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  let cpuAt = cpuMs();
  // perf_hooks' gc kinds: 1 a scavenge of the young generation, 2 a full mark-compact, 4 an incremental
  // marking step, 8 weak callbacks.
  const KINDS = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };
  let gc = { ms: 0, max: 0, maxKind: '' };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.ms += entry.duration;
      if (entry.duration > gc.max) gc = { ...gc, max: entry.duration, maxKind: KINDS[entry.detail?.kind] ?? '?' };
    }
  }).observe({ entryTypes: ['gc'] });
  const ownDelay = startOwnDelay();
  const profile = process.env.BENCH_LOOP_PROFILE ? startProfiler(process.env.BENCH_LOOP_PROFILE) : undefined;
  process.on('SIGUSR2', () => {
    const cpu = cpuMs();
    const line = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      count: histogram.count,
      cpuMs: cpu - cpuAt,
      gcMs: Math.round(gc.ms * 100) / 100,
      gcMaxMs: Math.round(gc.max * 100) / 100,
      gcMaxKind: gc.maxKind,
      heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      ...ownDelay(),
    };
    cpuAt = cpu;
    gc = { ms: 0, max: 0, maxKind: '' };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    histogram.reset();
    profile?.();
  });
}
