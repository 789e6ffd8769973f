// What the reader did and what the ranking makes of it, laid over stored papers: marks (saved,
// hidden), the stored model's score, its one-line why and the second circle, and the keyword
// watches each paper matches. Read once per page, applied to every paper of it.
import type { Db } from '../store/db.ts';
import { readMarks, type Mark } from '../store/read/marks.ts';
import {
  getRankModel,
  getRankModelKind,
  getRankModelStamp,
  readStoredScores,
  type StoredScore,
} from '../store/read/model.ts';
import { listWatches, type StoredWatch } from '../store/read/watches.ts';
import type { Ranker } from '../rank/ranker.ts';
import { createTfidfRanker, TFIDF_KIND, type SavedTfidf } from '../rank/tfidf-ranker.ts';
import type { DigestPaper } from '../types.ts';
import type { TriageView } from './types.ts';
import { watchesByPaper } from './watches.ts';

export interface Triage {
  marks: ReadonlyMap<string, Mark>;
  /** There is a trained model: papers get scores. */
  ranked: boolean;
  /** The model, loaded only for papers the job has not scored (older days). */
  ranker: () => Ranker | undefined;
  /** The model's why of a paper (call only where ranker() gives one), kept per model. */
  explain: (paper: DigestPaper) => ReturnType<Ranker['explain']>;
  scores: (ids: readonly string[]) => Map<string, StoredScore>;
  watches: StoredWatch[];
  /** The slugs of the watches each of these papers matches, by paper id. */
  watchesOf: (papers: readonly DigestPaper[]) => ReadonlyMap<string, readonly string[]>;
}

/** The stored model as a ranker (parsed once per training); none before the first training or with nothing to learn from. */
export function loadRanker(db: Db): Ranker | undefined {
  return loadModel(db).ranker;
}

function parseRanker(db: Db): Ranker | undefined {
  const stored = getRankModel(db);
  if (stored?.kind !== TFIDF_KIND) return undefined;
  return createTfidfRanker(JSON.parse(stored.model) as SavedTfidf);
}

interface LoadedModel {
  /** The stored model it was read from: its fingerprint and when it was trained. */
  key: string;
  ranker: Ranker | undefined;
  /** Each paper's why, explained once per model: "For you" can hold hundreds on every render. */
  explained: Map<string, ReturnType<Ranker['explain']>>;
}

// The model read and parsed once per training, per database: a render of the day reads it for the
// papers it did not score (older days) and the whys it did not store (the job explains the best only).
const loaded = new WeakMap<Db, LoadedModel>();

function loadModel(db: Db): LoadedModel {
  const { fingerprint, trainedAt } = getRankModelStamp(db) ?? {};
  const key = `${fingerprint}\0${trainedAt}`;
  const kept = loaded.get(db);
  if (kept?.key === key) return kept;
  const model: LoadedModel = { key, ranker: parseRanker(db), explained: new Map() };
  loaded.set(db, model);
  return model;
}

export function readTriage(db: Db): Triage {
  let model: LoadedModel | undefined;
  const watches = listWatches(db);
  return {
    marks: readMarks(db),
    ranked: getRankModelKind(db) === TFIDF_KIND,
    ranker: () => (model ??= loadModel(db)).ranker,
    explain: (paper) => {
      model ??= loadModel(db);
      const kept = model.explained.get(paper.id);
      if (kept !== undefined) return kept;
      const explained = model.ranker!.explain(paper);
      model.explained.set(paper.id, explained);
      return explained;
    },
    scores: (ids) => readStoredScores(db, ids),
    watches,
    watchesOf: (papers) => watchesByPaper(db, watches, papers),
  };
}

// Four significant digits: a chance of 0.0004 still counts in the sum of the chances below the cut-off.
const round = (score: number): number => Number(score.toPrecision(4));

/** Scores of the papers: as the job stored them, else from the model (a day older than the scored ones). */
function scorePapers(papers: readonly DigestPaper[], triage: Triage): (StoredScore | undefined)[] {
  if (!triage.ranked) return papers.map(() => undefined);
  const stored = triage.scores(papers.map((paper) => paper.id));
  const missing = papers.filter((paper) => !stored.has(paper.id));
  const ranker = missing.length > 0 ? triage.ranker() : undefined;
  if (ranker !== undefined) {
    const live = ranker.score(missing);
    missing.forEach((paper, i) => stored.set(paper.id, { score: live[i]!, circle: ranker.circleOf(paper) }));
  }
  return papers.map((paper) => stored.get(paper.id));
}

/** The why of papers that show it and were not explained with the scores (the job explains the best only). */
export function explainPapers<T extends DigestPaper & TriageView>(papers: readonly T[], triage: Triage): T[] {
  const ranker = papers.some((paper) => paper.score !== undefined && paper.why === undefined)
    ? triage.ranker()
    : undefined;
  if (ranker === undefined) return [...papers];
  return papers.map((paper) => {
    if (paper.score === undefined || paper.why !== undefined) return paper;
    const { why, circle } = triage.explain(paper);
    return { ...paper, ...(why !== undefined && { why }), ...(circle.length > 0 && { circle }) };
  });
}

/** The papers with their marks, scores, whys, circles and watches. */
export function annotatePapers<T extends DigestPaper>(papers: readonly T[], triage: Triage): (T & TriageView)[] {
  const scores = scorePapers(papers, triage);
  const watched = triage.watchesOf(papers);
  return papers.map((paper, i) => {
    const mark = triage.marks.get(paper.id);
    const explanation = scores[i];
    const watches = watched.get(paper.id);
    return {
      ...paper,
      ...(mark && { mark }),
      ...(explanation && { score: round(explanation.score) }),
      ...(explanation?.why !== undefined && { why: explanation.why }),
      ...(explanation && explanation.circle.length > 0 && { circle: explanation.circle }),
      ...(watches !== undefined && { watches: [...watches] }),
    };
  });
}
