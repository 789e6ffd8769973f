// The one-line "why" of a score: the words that pushed this paper up (the model's positive weight
// times the word's tf-idf in this paper), from the vocabulary's words (seen in at least three stored
// papers, in at most a tenth of them, no stop words), at most three; how many saved papers it is
// like; and one co-author where the second circle raised the score ("like 3 saved papers:
// diffusion, policy, robot; co-author of Pieter Abbeel"). Pure.
import { AUTHOR_PREFIX, CIRCLE_TERM, type RankText } from './features.ts';
import type { LinearModel } from './logistic.ts';
import type { ExampleKind, Explanation } from './ranker.ts';
import type { SparseVector, Vocabulary } from './tfidf.ts';

export interface Positive {
  id: string;
  kind: Extract<ExampleKind, 'saved' | 'starred' | 'watched'>;
  vector: SparseVector;
}

interface Evidence {
  vocabulary: Vocabulary;
  /** The model that scored this paper. */
  model: LinearModel;
  positives: readonly Positive[];
  /** The starred authors the circle names for this paper (empty where it did not raise the score). */
  circle: readonly string[];
}

/** Cosine similarity from which a saved paper counts as "like" this one. */
const LIKE = 0.08;
const SHOWN_TERMS = 3;
const NOTHING_SHARED = 'little in common with your saved papers and starred authors';

const isWord = (term: string): boolean => !term.startsWith(AUTHOR_PREFIX) && term !== CIRCLE_TERM;

/** The words with the largest positive contributions, a word left out when a chosen bigram holds it. */
export function pushingWords(vector: SparseVector, evidence: Pick<Evidence, 'vocabulary' | 'model'>): string[] {
  const { terms } = evidence.vocabulary;
  const ranked = [...vector.ids.keys()]
    .map((k) => ({ term: terms[vector.ids[k]!]!, value: evidence.model.weights[vector.ids[k]!]! * vector.values[k]! }))
    .filter((entry) => entry.value > 0 && isWord(entry.term))
    .sort((a, b) => b.value - a.value);
  // "vision language" and "vision-language" say one thing: words are split at spaces and hyphens.
  const partsOf = (term: string) => term.split(/[ -]/);
  const chosen: string[] = [];
  for (const { term } of ranked) {
    const words = partsOf(term);
    if (chosen.some((other) => words.some((word) => partsOf(other).includes(word)))) continue;
    chosen.push(term);
    if (chosen.length === SHOWN_TERMS) break;
  }
  return chosen;
}

/** How many positives (saved papers, or the starred authors' papers before any save) this paper is like. */
function countAlike(vector: SparseVector, positives: readonly Positive[], self: string): number {
  const own = new Map<number, number>();
  for (let k = 0; k < vector.ids.length; k++) own.set(vector.ids[k]!, vector.values[k]!);
  return positives.filter((positive) => {
    if (positive.id === self) return false;
    let similarity = 0;
    for (let k = 0; k < positive.vector.ids.length; k++)
      similarity += (own.get(positive.vector.ids[k]!) ?? 0) * positive.vector.values[k]!;
    return similarity >= LIKE;
  }).length;
}

function describeAlike(count: number, kind: Positive['kind'] | undefined): string {
  if (kind === 'saved') return count === 1 ? 'like 1 saved paper' : `like ${count} saved papers`;
  if (kind === 'watched')
    return count === 1 ? 'like 1 paper your watches found' : `like ${count} papers your watches found`;
  return count === 1 ? 'like 1 paper by starred authors' : `like ${count} papers by starred authors`;
}

export function explainScore(paper: RankText, vector: SparseVector, evidence: Evidence): Explanation {
  const words = pushingWords(vector, evidence);
  const alike = countAlike(vector, evidence.positives, paper.id);
  const kind = evidence.positives[0]?.kind;
  const subject =
    words.length === 0
      ? undefined
      : alike > 0
        ? `${describeAlike(alike, kind)}: ${words.join(', ')}`
        : `on ${words.join(', ')}`;
  const circle = evidence.circle.length > 0 ? `co-author of ${evidence.circle[0]}` : undefined;
  const parts = [subject, circle].filter((part) => part !== undefined);
  return { circle: [...evidence.circle], why: parts.length > 0 ? parts.join('; ') : NOTHING_SHARED };
}
