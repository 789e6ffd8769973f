// `npx tsx bench/watches.ts` (BENCH=watches): the realistic day's page with 100 broad watches (the
// most a reader may keep), each matching hundreds of the 1,310 papers. Targets: the page renders
// within 5 s (server side, its watches' matches not yet computed) and weighs under 5 MB. Also
// the page again after a save (the matches found again, not computed), and without watches.
// Exits non-zero on a miss. BENCH_RUNS sets the repetitions.
import { addWatches, MAX_WATCHES } from '../src/actions/watches.ts';
import { markPapers } from '../src/store/write/marks.ts';
import { createApp } from '../src/server.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../tests/support/realistic-world.ts';
import { describeLoad } from './support.ts';
import { judge } from './targets.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 5000;
const TARGET_BYTES = 5_000_000;
// Words in most abstracts, prefixes of many words, a whole category: each watch matches a lot.
const BROAD = ['the', 'learning', 'model*', 'pro*', 'con*', 'cs.LG', 'data', 'network*', '"of the"', 'author:wang'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`at the start: ${describeLoad()}`);
for (const watches of [0, MAX_WATCHES]) {
  const world = createRealisticWorld();
  const { context } = world;
  const queries = Array.from({ length: watches - 1 }, (_, i) => ({ query: `${BROAD[i % BROAD.length]} -x${i}` }));
  if (watches > 0) await addWatches(context, queries);
  const app = createApp({ context, holidays: new Set() });
  const render = async () => {
    const started = performance.now();
    const page = await (await app.request(`/digest/${REALISTIC_DAY}`)).text();
    return { ms: performance.now() - started, bytes: Buffer.byteLength(page) };
  };
  const save = (run: number) => {
    context.db.prepare('DELETE FROM marks').run();
    markPapers(context.db, [{ id: '2611.00001', at: `2026-11-26T08:00:0${run}Z` }], 'saved');
  };
  const first: number[] = [];
  const again: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    // The last watch changed (or, without watches, a save): the page and its matches computed anew.
    if (watches > 0) {
      context.db.prepare("DELETE FROM watches WHERE query LIKE 'robot -r%'").run();
      await addWatches(context, [{ query: `robot -r${run}` }]);
    } else save(run);
    const fresh = await render();
    first.push(fresh.ms);
    bytes = fresh.bytes;
    // A save: the page rendered again, its watches' matches found again.
    save(run);
    again.push((await render()).ms);
  }
  world.close();
  const ms = median(first);
  const met = watches === 0 || (ms < TARGET_MS && bytes < TARGET_BYTES);
  console.log(
    `${watches} watches: page ${bytes.toLocaleString('en')} bytes; render median ${ms.toFixed(0)} ms (max ${Math.max(...first).toFixed(0)}), ` +
      `after a save ${median(again).toFixed(0)} ms${watches === 0 ? '' : ` (targets < ${TARGET_MS} ms, < ${TARGET_BYTES.toLocaleString('en')} bytes: ${judge(met)})`}`,
  );
}
console.log(`at the end: ${describeLoad()}`);
