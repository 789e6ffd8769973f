// `node bench/loop-floor.mjs [seconds]`: the machine's floor for bench/loop.ts. A bare Node timer
// loop (monitorEventLoopDelay, 1 ms resolution) alone, then beside another process, at nice 0, 10
// and 19, that allocates and drops memory as a training does (its collector's threads included).
// No code of ours runs in the loop: what its maximum shows beside the other process is what this
// machine's scheduler gives a thread that only waits on a timer.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const seconds = Number(process.argv[2] ?? 10);

if (process.env.LOOP_FLOOR_HOG === '1') {
  // The other process: big arrays and many small objects, made and dropped for `seconds`.
  const end = Date.now() + seconds * 1000;
  const kept = [];
  while (Date.now() < end) {
    for (let i = 0; i < 50; i++) kept.push(new Float64Array(200_000 + (i % 7) * 10_000));
    kept.length = 0;
    const objects = [];
    for (let i = 0; i < 200_000; i++) objects.push({ a: i, b: String(i) });
  }
  process.exit(0);
}

async function measure(niceness) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  if (niceness === undefined) await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  else {
    const self = fileURLToPath(import.meta.url);
    const hog = spawn('nice', ['-n', String(niceness), process.execPath, self, String(seconds)], {
      env: { ...process.env, LOOP_FLOOR_HOG: '1' },
      stdio: 'inherit',
    });
    await new Promise((resolve) => hog.on('exit', resolve));
  }
  delay.disable();
  const ms = (ns) => (ns / 1e6).toFixed(2);
  const beside = niceness === undefined ? 'alone' : `beside a process at nice ${niceness}`;
  console.log(`${beside}: p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`);
}

for (const niceness of [undefined, 0, 10, 19]) await measure(niceness);
