// `node bench/loop-stalls.mjs <dir>/window-N.cpuprofile [minMs]`: what serve's web thread ran during a
// window of bench/loop.ts run with BENCH_LOOP_PROFILE=<dir>. Its busy stretches (samples with no idle
// one between), longest first, each with the functions on top of the stack and the app's frames
// under them. A stretch's length counts samples (100 µs each, or BENCH_LOOP_PROFILE_US as the run
// had), so it is the thread's own time: a stall with a short stretch was the machine's other work.
import { readFileSync } from 'node:fs';

const [file, min = '2'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: node bench/loop-stalls.mjs <file.cpuprofile> [minMs]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const SAMPLE_MS = Number(process.env.BENCH_LOOP_PROFILE_US ?? 100) / 1000;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const nameOf = ({ callFrame: frame }) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/.*\/(src|dist|node_modules)\//, '$1/')}:${frame.lineNumber + 1}`;
const stackOf = (id) => {
  const stack = [];
  for (let at = id; at !== undefined; at = parents.get(at)) stack.push(nodes.get(at));
  return stack;
};
const add = (map, key) => map.set(key, (map.get(key) ?? 0) + SAMPLE_MS);

const stretches = [];
let time = profile.startTime;
let current;
for (const [i, id] of profile.samples.entries()) {
  time += profile.timeDeltas[i];
  const stack = stackOf(id);
  if (stack[0].callFrame.functionName === '(idle)') {
    if (current) stretches.push(current);
    current = undefined;
    continue;
  }
  current ??= { atMs: (time - profile.startTime) / 1000, ms: 0, tops: new Map(), apps: new Map() };
  current.ms += SAMPLE_MS;
  add(current.tops, nameOf(stack[0]));
  const app = stack
    .filter(({ callFrame: f }) => /\/(src|dist)\//.test(f.url) && !f.url.includes('/node_modules/'))
    .slice(0, 4);
  add(current.apps, app.map(nameOf).join(' < ') || '(outside the app)');
}
if (current) stretches.push(current);

const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, ms]) => `      ${ms.toFixed(1)} ms ${name}`)
    .join('\n');
const busy = stretches.reduce((sum, stretch) => sum + stretch.ms, 0);
const window = (profile.endTime - profile.startTime) / 1000;
console.log(`${file}: ${window.toFixed(0)} ms, busy ${busy.toFixed(1)} ms in ${stretches.length} stretches`);
for (const stretch of stretches
  .filter((s) => s.ms >= Number(min))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 10))
  console.log(
    `  at ${stretch.atMs.toFixed(0)} ms, ${stretch.ms.toFixed(1)} ms:\n    on top:\n${top(stretch.tops)}\n    in the app:\n${top(stretch.apps)}`,
  );
