// The ranking of a day, behind one interface so another model (sentence embeddings, where weights
// can be had) can take the place of the baseline: tf-idf of title + abstract + authors and a
// linear model with balanced classes, arxiv-sanity-lite's recipe. Pure: the store gives examples,
// the model comes back as JSON (it is trained on a worker thread and kept in SQLite).
import type { CircleLink } from './circle.ts';
import type { RankText } from './features.ts';

/**
 * Why a paper is an example: saved or hidden by the reader, by a starred author, matched by a
 * keyword watch (what the reader asked for before saving anything), or the rest of the store.
 */
export type ExampleKind = 'saved' | 'starred' | 'watched' | 'hidden' | 'background';

export interface Example extends RankText {
  kind: ExampleKind;
  /**
   * Announced on a day the reader went through (opened it, or marked a paper of it), within the
   * stored window the background is drawn from: unmarked, the reader passed it over. Such papers
   * are what a chance of a save is measured against.
   */
  seen?: boolean;
  /** Its (latest) announcement day: saves of one day are held out together when calibrating. */
  day?: string;
}

export interface TrainingSet {
  examples: Example[];
  /** Co-authors of starred authors on small papers (not starred themselves). */
  circle: CircleLink[];
}

/** What a paper's score rests on, for the one-line "why". */
export interface Explanation {
  /** "like 3 saved papers: diffusion, policy, robot"; "co-author of Pieter Abbeel". */
  why?: string;
  /** The starred authors this paper's authors wrote with (the second circle). */
  circle: string[];
}

export interface Ranker {
  /** Which model, e.g. `tfidf-calibrated`. */
  readonly kind: string;
  /** Learns from the examples; false when there is nothing to learn from (no positive). */
  train(set: TrainingSet): boolean;
  /** One chance of a save per paper (0 to 1, calibrated); all zero before training. */
  score(papers: readonly RankText[]): number[];
  explain(paper: RankText): Explanation;
  /** The starred authors this paper's authors wrote with (the second circle), without the why. */
  circleOf(paper: RankText): string[];
  /** The candidates most like `paper`, most similar first, with their similarity. */
  similar(paper: RankText, candidates: readonly RankText[], limit: number): { id: string; similarity: number }[];
  /** The trained model as JSON, for loadRanker. */
  save(): string;
}
