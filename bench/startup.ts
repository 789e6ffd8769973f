// `npx tsx bench/startup.ts`: how fast the CLI starts, as installed (bin/arxiv-curator.js, which
// runs dist/: built first when stale), on this Node and on Node 24 (from .ci/node.sh's cache;
// installed from the npm registry the first time), beside `node -e 0` in the same run. Target:
// `authors check "Y. LeCun"` median under 0.2 s on both. Runs alternate, so load hits both alike;
// the CPU time (user + system, from /usr/bin/time) says what the start costs on a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describeLoad } from './support.ts';
import { judge } from './targets.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CHECK = ['bin/arxiv-curator.js', 'authors', 'check', 'Y. LeCun'];
const TIME = '/usr/bin/time';
const TARGET_MS = 200;

interface Run {
  ms: number;
  /** Peak resident memory in MB and CPU time in ms, when /usr/bin/time is there to tell. */
  mb?: number;
  cpuMs?: number;
}

function timeOnce(node: string, args: string[]): Run {
  const withTime = existsSync(TIME);
  const started = performance.now();
  const result = withTime
    ? spawnSync(TIME, ['-f', '%M %U %S', node, ...args], { encoding: 'utf8' })
    : spawnSync(node, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${node} ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  const measured = withTime ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr) : null;
  if (measured === null) return { ms };
  return { ms, mb: Number(measured[1]) / 1024, cpuMs: (Number(measured[2]) + Number(measured[3])) * 1000 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function benchNode(node: string, target: number): string {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const check: Run[] = [];
  const bare: Run[] = [];
  timeOnce(node, CHECK);
  for (let i = 0; i < RUNS; i++) {
    check.push(timeOnce(node, CHECK));
    bare.push(timeOnce(node, ['-e', '0']));
  }
  const ms = (runs: Run[]) => `${median(runs.map((run) => run.ms)).toFixed(0)} ms`;
  const mb = (runs: Run[]) =>
    runs[0]?.mb === undefined
      ? ''
      : ` (CPU ${median(runs.map((run) => run.cpuMs!)).toFixed(0)} ms, ${median(runs.map((run) => run.mb!)).toFixed(0)} MB)`;
  const met = median(check.map((run) => run.ms)) < target;
  return `| ${version} | ${ms(check)}${mb(check)} | ${ms(bare)}${mb(bare)} | ` + `< ${target} ms: ${judge(met)} |`;
}

/** Node 24 from the CI's cache, or undefined with the reason printed. */
function node24(): string | undefined {
  const result = spawnSync('bash', ['.ci/node.sh', '24'], { encoding: 'utf8' });
  const dir = result.stdout.trim().split('\n').at(-1);
  if (result.status === 0 && dir) return `${dir}/bin/node`;
  console.log(`Node 24 skipped: ${result.stderr.trim()}`);
  return undefined;
}

if (spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' }).status !== 0)
  throw new Error('building dist/ failed');
console.log(`at the start: ${describeLoad()}; ${RUNS} runs each, alternating, median`);
const rows = ['| node | `authors check "Y. LeCun"` | `node -e 0` | target |', '|---|---|---|---|'];
rows.push(benchNode(process.execPath, TARGET_MS));
const other = process.version.startsWith('v24') ? undefined : node24();
if (other !== undefined) rows.push(benchNode(other, TARGET_MS));
console.log(rows.join('\n'));
console.log(`at the end: ${describeLoad()}`);
