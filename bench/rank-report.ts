// The protocol's tables (markdown, for the README) and the checks of what "done" means for the
// ranking: at least level with arxiv-sanity-lite's method on every kind of reader (the paired
// difference's 95% interval reaches zero or above), better on few-shot readers, 0.30 precision@20
// and 0.65 recall@30 on author-circle readers, chances within 0.1 of the observed rate of saves.
import { measureTies } from '../src/rank/circle.ts';
import { buildCircle } from '../src/rank/circle.ts';
import { binCalibration, spread, type RankingMetrics } from '../tests/support/rank-metrics.ts';
import { readReaderStore, readTestPapers } from '../tests/support/rank-store.ts';
import type { ReaderRow, Run } from './rank-protocol.ts';

export const SHIPPED = 'the ranking';
export const SHIPPED_WITHOUT_STARRED = 'the ranking, starred papers not learned from';
export const SANITY = 'arxiv-sanity-lite';

const METRICS: readonly (keyof RankingMetrics)[] = ['precision20', 'recall30', 'ndcg30'];
const f2 = (value: number) => value.toFixed(2);
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;

export interface Check {
  what: string;
  met: boolean;
  detail: string;
}

function runsOf(runs: readonly Run[], row: ReaderRow, method: string): Run[] {
  return runs.filter((run) => run.row === row && run.method === method);
}

/** Per reader, this method's metric minus the other's (the same readers, the same saves). */
function pairedDifference(
  runs: readonly Run[],
  row: ReaderRow,
  method: string,
  other: string,
  metric: keyof RankingMetrics,
) {
  const theirs = new Map(
    runsOf(runs, row, other).map((run) => [run.reader.label + run.reader.split.start, run.metrics[metric]]),
  );
  const differences = runsOf(runs, row, method).map(
    (run) => run.metrics[metric] - theirs.get(run.reader.label + run.reader.split.start)!,
  );
  const { mean, sd } = spread(differences);
  const half = (1.96 * sd) / Math.sqrt(differences.length);
  return {
    mean,
    low: mean - half,
    high: mean + half,
    wins: differences.filter((d) => d > 1e-9).length,
    losses: differences.filter((d) => d < -1e-9).length,
    n: differences.length,
  };
}

/** The table: each kind of reader, each method, mean ± standard deviation over the readers. */
export function renderTable(runs: readonly Run[], rows: readonly ReaderRow[], methods: readonly string[]): string[] {
  const lines = ['| readers | n | method | precision@20 | recall@30 | nDCG@30 |', '|---|---|---|---|---|---|'];
  for (const row of rows)
    for (const method of methods) {
      const mine = runsOf(runs, row, method);
      if (mine.length === 0) continue;
      const cells = METRICS.map((metric) => {
        const { mean, sd } = spread(mine.map((run) => run.metrics[metric]));
        return `${f2(mean)} ± ${f2(sd)}`;
      });
      lines.push(`| ${row.name} | ${mine.length} | ${method} | ${cells.join(' | ')} |`);
    }
  return lines;
}

/** The paired differences of the ranking against arxiv-sanity-lite (and against itself without starred papers as positives). */
export function renderDifferences(runs: readonly Run[], rows: readonly ReaderRow[]): string[] {
  const lines = [
    '| readers | compared | precision@20 | recall@30 | nDCG@30 | wins/losses (P@20) |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const pairs: [string, string][] = row.starred ? [[SHIPPED, SHIPPED_WITHOUT_STARRED]] : [[SHIPPED, SANITY]];
    if (row.starred) pairs.push([SHIPPED, SANITY]);
    for (const [method, other] of pairs) {
      if (runsOf(runs, row, method).length === 0 || runsOf(runs, row, other).length === 0) continue;
      const cells = METRICS.map((metric) => {
        const d = pairedDifference(runs, row, method, other, metric);
        return `${signed(d.mean)} (${signed(d.low)} to ${signed(d.high)})`;
      });
      const d = pairedDifference(runs, row, method, other, 'precision20');
      lines.push(`| ${row.name} | ${method} − ${other} | ${cells.join(' | ')} | ${d.wins}/${d.losses} of ${d.n} |`);
    }
  }
  return lines;
}

/** Predicted chance against the observed rate of saves, the ranking's held-out test days pooled. */
export function renderCalibration(runs: readonly Run[]): { lines: string[]; worst: number } {
  const points = runs
    .filter((run) => run.method === SHIPPED && !run.row.starred && run.outcome.chances)
    .flatMap((run) =>
      run.candidates.ids.map((id, i) => ({ chance: run.outcome.chances![i]!, saved: run.candidates.relevant.has(id) })),
    );
  const bins = binCalibration(points);
  const lines = ['| chance | papers | predicted | observed |', '|---|---|---|---|'];
  let worst = 0;
  for (const bin of bins) {
    if (bin.papers === 0) continue;
    lines.push(`| ${bin.from}–${bin.to} | ${bin.papers} | ${bin.predicted.toFixed(3)} | ${bin.observed.toFixed(3)} |`);
    if (bin.papers >= 100) worst = Math.max(worst, Math.abs(bin.predicted - bin.observed));
  }
  return { lines, worst };
}

/**
 * The second circle for readers who star: the share of the ranked test papers tied to a starred
 * author (by tie threshold), and how many of those the reader wanted, against all ranked papers.
 */
export function renderCircle(runs: readonly Run[]): string[] {
  const lines = [
    '| readers | tie ≥ | share of papers | wanted among them | wanted among all | badged (shipped) | wanted among badged |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const kind of ['topic', 'circle'] as const) {
    const starredRuns = runs.filter((run) => run.method === SHIPPED && run.row.starred && run.row.kind === kind);
    if (starredRuns.length === 0) continue;
    const ties: { tie: number; wanted: boolean; badged: boolean }[] = [];
    for (const run of starredRuns) {
      const circle = buildCircle(
        readReaderStore(run.reader, { starred: true }).coauthors.map((row) => ({
          coauthor: row.coauthor,
          starred: row.authorId,
          tie: row.tie,
        })),
      );
      const papers = new Map(readTestPapers(run.reader, { starred: true }).map((paper) => [paper.id, paper]));
      run.candidates.ids.forEach((id, i) =>
        ties.push({
          tie: Math.max(0, ...measureTies(papers.get(id)!, circle).values()),
          wanted: run.candidates.relevant.has(id),
          badged: run.outcome.badged?.[i] ?? false,
        }),
      );
    }
    const rate = (list: typeof ties) => (list.length === 0 ? 0 : list.filter((t) => t.wanted).length / list.length);
    const badged = ties.filter((t) => t.badged);
    for (const threshold of [0.05, 0.25, 0.5, 1]) {
      const tied = ties.filter((t) => t.tie >= threshold);
      lines.push(
        `| ${kind} readers who star | ${threshold} | ${((100 * tied.length) / ties.length).toFixed(2)}% | ${f2(rate(tied))} | ${f2(rate(ties))} | ${((100 * badged.length) / ties.length).toFixed(2)}% | ${f2(rate(badged))} |`,
      );
    }
  }
  return lines;
}

export function checkDoneWhen(runs: readonly Run[], rows: readonly ReaderRow[]): Check[] {
  const checks: Check[] = [];
  for (const row of rows.filter((r) => !r.starred)) {
    for (const metric of METRICS) {
      const d = pairedDifference(runs, row, SHIPPED, SANITY, metric);
      checks.push({
        what: `${row.name}: ${metric} at least level with ${SANITY}`,
        met: d.high >= 0,
        detail: `difference ${signed(d.mean)}, 95% interval ${signed(d.low)} to ${signed(d.high)}`,
      });
    }
    if (row.fewShot)
      for (const metric of ['precision20', 'ndcg30'] as const) {
        const d = pairedDifference(runs, row, SHIPPED, SANITY, metric);
        checks.push({
          what: `${row.name}: ${metric} better than ${SANITY}`,
          met: d.mean > 0,
          detail: `difference ${signed(d.mean)}`,
        });
      }
    if (row.kind === 'circle' && !row.fewShot) {
      const { mean: precision } = spread(runsOf(runs, row, SHIPPED).map((run) => run.metrics.precision20));
      const { mean: recall } = spread(runsOf(runs, row, SHIPPED).map((run) => run.metrics.recall30));
      checks.push({ what: `${row.name}: precision@20 ≥ 0.30`, met: precision >= 0.3, detail: f2(precision) });
      checks.push({ what: `${row.name}: recall@30 ≥ 0.65`, met: recall >= 0.65, detail: f2(recall) });
    }
  }
  return checks;
}
