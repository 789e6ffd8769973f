// `npm run bench`: every benchmark in turn (BENCH=page,startup for some). Figures go to stdout with
// their targets; a bench that misses one (bench/targets.ts) or fails exits non-zero, and so does this.
// See README "Performance".
import { spawnSync } from 'node:child_process';

const ALL = 'startup,import,match,server,page,watches,search,search-posts,robust,loop,rank';
const benches = (process.env.BENCH ?? ALL).split(',');
const failed = [];
for (const name of benches) {
  console.log(`\n== bench/${name}.ts`);
  const run = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
if (failed.length > 0) console.log(`\nbench: a target missed or the bench failed in ${failed.join(', ')}`);
process.exitCode = failed.length > 0 ? 1 : 0;
