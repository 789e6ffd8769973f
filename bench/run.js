// `npm run bench`: every benchmark in turn. Figures go to stdout; see README "Performance".
import { spawnSync } from 'node:child_process';

const ALL = 'startup,import,match,server,page,watches,search,search-posts,robust,loop,rank';
const benches = (process.env.BENCH ?? ALL).split(',');
let failed = false;
for (const name of benches) {
  console.log(`\n== bench/${name}.ts`);
  const run = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
