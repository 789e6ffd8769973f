// The ranking's protocol: simulated readers of real arXiv days (tests/support/rank-readers.ts), the
// same saves for every method, train on the stored days and rank the 20 days after them (no test
// paper is ever trained on), paired comparisons. Methods: the ranking as it ships (the job's own
// path from the store's rows: tests/support/rank-store.ts), arxiv-sanity-lite's method
// (bench/sanity-lite.ts) and random. Variants where the reader also stars authors measure what the
// starred authors' papers add as positives, and the circle badge.
import { createTfidfTrainer, type Trainer, type TrainerOptions } from '../src/rank/tfidf-trainer.ts';
import type { SparseVector } from '../src/rank/tfidf.ts';
import type { DailyPaper } from '../tests/support/arxiv-daily.ts';
import { measureRanking, rankIds, type RankingMetrics } from '../tests/support/rank-metrics.ts';
import {
  findCircleReaders,
  findTopicReaders,
  splitDays,
  withSaves,
  type Reader,
  type ReaderKind,
  type Split,
} from '../tests/support/rank-readers.ts';
import { buildReaderJob, type ReaderStoreOptions } from '../tests/support/rank-store.ts';
import { createRandom } from '../tests/support/seeded-random.ts';
import { decide, fitSanityVectorizer, trainLinearSvc, vectorizeSanity } from './sanity-lite.ts';

export interface ReaderRow {
  name: string;
  kind: ReaderKind;
  saves: number;
  fewShot?: boolean;
  /** The reader stars authors (tests/support/rank-readers.ts): starred test papers are not ranked. */
  starred?: boolean;
}

export const READER_ROWS: readonly ReaderRow[] = [
  { name: 'topic, 15 saves', kind: 'topic', saves: 15 },
  { name: 'topic, 5 saves', kind: 'topic', saves: 5, fewShot: true },
  { name: 'topic, 3 saves', kind: 'topic', saves: 3, fewShot: true },
  { name: 'author circle, up to 30 saves', kind: 'circle', saves: 30 },
  { name: 'author circle, 5 saves', kind: 'circle', saves: 5, fewShot: true },
  { name: 'author circle, 3 saves', kind: 'circle', saves: 3, fewShot: true },
  { name: 'topic, 15 saves, 3 starred authors', kind: 'topic', saves: 15, starred: true },
  { name: 'author circle, 30 saves, the author starred', kind: 'circle', saves: 30, starred: true },
];

export interface Candidates {
  ids: string[];
  relevant: Set<string>;
}

export interface Outcome {
  scores: number[];
  /** The ranking's chances and circle badges, for calibration and the badge's precision. */
  chances?: number[];
  badged?: boolean[];
}

export interface Method {
  name: string;
  /** Only on the rows with starred authors. */
  starredOnly?: boolean;
  rank(reader: Reader, row: ReaderRow, candidates: Candidates): Outcome;
}

export interface Run {
  row: ReaderRow;
  reader: Reader;
  method: string;
  metrics: RankingMetrics;
  candidates: Candidates;
  outcome: Outcome;
}

export interface ProtocolOptions {
  /** Indices of the first test day of each split. */
  splits: number[];
  readersPerSplit: number;
  storeDays: number;
  testDays: number;
}

/** What the ranking ranks for a reader: the test papers, without those of starred authors (they are shown apart). */
export function listCandidates(reader: Reader, row: ReaderRow): Candidates {
  const starred = new Set(row.starred ? reader.starred : []);
  const shown = reader.split.test.filter((paper) => !paper.authors.some((author) => starred.has(author)));
  const ids = shown.map((paper) => paper.id);
  return { ids, relevant: new Set(ids.filter((id) => reader.relevant.has(id))) };
}

/** The ranking as it ships, one trainer per split (as the worker keeps one), each reader trained afresh. */
export function createShippedMethod(
  name: string,
  options: TrainerOptions & ReaderStoreOptions & { starredOnly?: boolean } = {},
): Method {
  const trainers = new Map<Split, Trainer>();
  return {
    name,
    starredOnly: options.starredOnly === true,
    rank(reader, row, candidates) {
      let trainer = trainers.get(reader.split);
      if (trainer === undefined)
        trainers.set(reader.split, (trainer = createTfidfTrainer({ ...options, warmStart: false })));
      const job = buildReaderJob(reader, { ...options, starred: options.starred === true && row.starred === true });
      const shown = new Set(candidates.ids);
      // The job scores the candidates as it scores the recent days (its scores and circles are what pages read).
      const trained = trainer.train({ ...job, papers: job.papers.filter((paper) => shown.has(paper.id)) });
      const scored = new Map(trained.scores.map((score) => [score.id, score]));
      const chances = candidates.ids.map((id) => scored.get(id)?.score ?? 0);
      return { scores: chances, chances, badged: candidates.ids.map((id) => (scored.get(id)?.circle.length ?? 0) > 0) };
    },
  };
}

export function createSanityMethod(): Method {
  const cache = new Map<Split, { vectors: Map<string, SparseVector>; dimensions: number }>();
  const vectorsOf = (split: Split) => {
    let features = cache.get(split);
    if (features === undefined) {
      const vectorizer = fitSanityVectorizer(split.store);
      const papers = [...split.store, ...split.test];
      const vectors = new Map(papers.map((paper) => [paper.id, vectorizeSanity(paper, vectorizer)]));
      cache.set(split, (features = { vectors, dimensions: vectorizer.index.size }));
    }
    return features;
  };
  return {
    name: 'arxiv-sanity-lite',
    rank(reader, _row, candidates) {
      const { vectors, dimensions } = vectorsOf(reader.split);
      const saved = new Set(reader.saves.map((paper) => paper.id));
      const rows = reader.split.store.map((paper) => ({
        vector: vectors.get(paper.id)!,
        label: saved.has(paper.id) ? (1 as const) : (-1 as const),
      }));
      const model = trainLinearSvc(rows, dimensions);
      return { scores: candidates.ids.map((id) => decide(model, vectors.get(id)!)) };
    },
  };
}

export function createRandomMethod(): Method {
  return {
    name: 'random',
    rank(reader, row, candidates) {
      const random = createRandom(`${reader.label}|${row.name}`);
      return { scores: candidates.ids.map(() => random.next()) };
    },
  };
}

/** The readers of every split, each kind's readers the same across its rows (paired). */
export function findReaders(papers: readonly DailyPaper[], options: ProtocolOptions): Record<ReaderKind, Reader[]> {
  const splits = options.splits.map((at) => splitDays(papers, at, options));
  return {
    topic: splits.flatMap((split) => findTopicReaders(split, options.readersPerSplit, `topic ${split.start}`)),
    circle: splits.flatMap((split) => findCircleReaders(split, options.readersPerSplit, `circle ${split.start}`)),
  };
}

export function runProtocol(
  readers: Record<ReaderKind, Reader[]>,
  methods: readonly Method[],
  rows: readonly ReaderRow[] = READER_ROWS,
  onRun: (run: Run) => void = () => {},
): Run[] {
  const runs: Run[] = [];
  for (const row of rows)
    for (const full of readers[row.kind]) {
      const reader = withSaves(full, row.saves);
      const candidates = listCandidates(reader, row);
      for (const method of methods) {
        if (method.starredOnly && !row.starred) continue;
        const outcome = method.rank(reader, row, candidates);
        const metrics = measureRanking(rankIds(candidates.ids, outcome.scores), candidates.relevant);
        const run = { row, reader, method: method.name, metrics, candidates, outcome };
        runs.push(run);
        onRun(run);
      }
    }
  return runs;
}
