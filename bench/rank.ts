// `BENCH=rank npm run bench` (`npx tsx bench/rank.ts`): the ranking measured honestly, then its budgets.
// 1. The protocol (bench/rank-protocol.ts) on the real arXiv days of 2025 (ARXIV_DAILY, default
//    ../shared/fixtures/arxiv-daily/papers-2025.jsonl.xz beside the repository): four splits of 60
//    stored days and 20 test days, BENCH_READERS readers of each kind per split (default 3), the
//    ranking as it ships against arxiv-sanity-lite's method and random; the tables the README carries.
// 2. Scoring a 1,500-paper day and retraining at 100,000 papers (bench/rank-timing.ts); BENCH_RUNS
//    sets the repetitions.
// For a short ablation: BENCH_ROWS=topic keeps the reader rows whose name holds it; BENCH_TIMING=0
// leaves out the budgets.
// Exits 1 when a target of "done" is missed, and says which.
import { loadavg } from 'node:os';
import { EXAMPLE_WEIGHTS } from '../src/rank/examples.ts';
import { loadArxivDaily, type DailyPaper } from '../tests/support/arxiv-daily.ts';
import {
  createRandomMethod,
  createSanityMethod,
  createShippedMethod,
  findReaders,
  READER_ROWS,
  runProtocol,
} from './rank-protocol.ts';
import {
  checkDoneWhen,
  renderCalibration,
  renderCircle,
  renderDifferences,
  renderTable,
  SANITY,
  SHIPPED,
  SHIPPED_WITHOUT_STARRED,
  type Check,
} from './rank-report.ts';
import { measureTiming, RETRAIN_BUDGET_MS, SCORE_BUDGET_MS } from './rank-timing.ts';

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
console.log(`load average at start: ${load()}`);

let corpus: DailyPaper[];
try {
  corpus = loadArxivDaily();
} catch (error) {
  console.error(`bench/rank: ${(error as Error).message}`);
  process.exit(1);
}

const options = {
  splits: [70, 100, 130, 160],
  readersPerSplit: Number(process.env.BENCH_READERS ?? 3),
  storeDays: 60,
  testDays: 20,
};
const readers = findReaders(corpus, options);
console.log(
  `${corpus.length.toLocaleString('en-US')} papers; splits at ${options.splits.length} days, ${options.storeDays} days stored, ` +
    `${options.testDays} tested; ${readers.topic.length} topic readers, ${readers.circle.length} author-circle readers`,
);
const started = performance.now();
const methods = [
  createShippedMethod(SHIPPED, { starred: true }),
  createShippedMethod(SHIPPED_WITHOUT_STARRED, {
    starred: true,
    starredOnly: true,
    weights: { ...EXAMPLE_WEIGHTS, starredShare: 0 },
  }),
  createSanityMethod(),
  createRandomMethod(),
];
const rows = READER_ROWS.filter((row) => row.name.includes(process.env.BENCH_ROWS ?? ''));
const runs = runProtocol(readers, methods, rows, () => process.stderr.write('.'));
process.stderr.write('\n');
console.log(`protocol: ${runs.length} runs in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

const names = [SHIPPED, SHIPPED_WITHOUT_STARRED, SANITY, 'random'];
console.log(renderTable(runs, rows, names).join('\n'), '\n');
console.log(renderDifferences(runs, rows).join('\n'), '\n');
const calibration = renderCalibration(runs);
console.log('Calibration of the ranking on the test days (every row without starred authors):');
console.log(calibration.lines.join('\n'), '\n');
console.log('The second circle (readers who star):');
console.log(renderCircle(runs).join('\n'), '\n');

const timing = process.env.BENCH_TIMING === '0' ? undefined : measureTiming(Number(process.env.BENCH_RUNS ?? 10));
if (timing) console.log(timing.lines.join('\n'), '\n');

const checks: Check[] = [
  ...checkDoneWhen(runs, rows),
  {
    what: 'calibration: predicted within 0.1 of observed in every bin of 100 papers or more',
    met: calibration.worst <= 0.1,
    detail: `worst ${calibration.worst.toFixed(3)}`,
  },
  ...(timing
    ? [
        {
          what: `scoring a 1,500-paper day < ${SCORE_BUDGET_MS} ms`,
          met: timing.scoreMedian < SCORE_BUDGET_MS,
          detail: `${timing.scoreMedian.toFixed(0)} ms`,
        },
        {
          what: `retraining at 100,000 papers < ${RETRAIN_BUDGET_MS} ms`,
          met: timing.retrainMedian < RETRAIN_BUDGET_MS,
          detail: `${timing.retrainMedian.toFixed(0)} ms`,
        },
      ]
    : []),
];
for (const check of checks) console.log(`${check.met ? 'met   ' : 'MISSED'} ${check.what}: ${check.detail}`);
console.log(`load average at the end: ${load()}`);
process.exitCode = checks.every((check) => check.met) ? 0 : 1;
