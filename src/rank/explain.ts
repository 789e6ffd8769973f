// The one-line "why" of a score: the saved papers (or starred authors' papers) a paper is most
// like and the terms they share ("like 3 saved papers: diffusion, policy, robot"), and the second
// circle ("co-author of Pieter Abbeel"). Pure.
import { AUTHOR_PREFIX, CIRCLE_TERM, authorTerm, type RankText } from './features.ts';
import type { LinearModel } from './logistic.ts';
import type { ExampleKind, Explanation } from './ranker.ts';
import type { SparseVector, Vocabulary } from './tfidf.ts';

export interface Positive {
  id: string;
  kind: ExampleKind;
  vector: SparseVector;
}

interface Evidence {
  vocabulary: Vocabulary;
  model: LinearModel;
  positives: readonly Positive[];
  circle: ReadonlyMap<string, string>;
  /** Term id → [positive index, value] pairs: a paper meets only the positives it shares a term with. */
  postings?: Map<number, [number, number][]>;
}

function indexPositives(positives: readonly Positive[]): Map<number, [number, number][]> {
  const postings = new Map<number, [number, number][]>();
  positives.forEach((positive, index) => {
    const { ids, values } = positive.vector;
    for (let k = 0; k < ids.length; k++) {
      let list = postings.get(ids[k]!);
      if (list === undefined) postings.set(ids[k]!, (list = []));
      list.push([index, values[k]!]);
    }
  });
  return postings;
}

/** Cosine similarity from which a saved paper counts as "like" this one. */
const LIKE = 0.08;
const SHOWN_TERMS = 3;
const NOTHING_SHARED = 'little in common with your saved papers and starred authors';

const isWord = (term: string): boolean => !term.startsWith(AUTHOR_PREFIX) && term !== CIRCLE_TERM;

/** The strongest terms by summed contribution, a word left out when a chosen bigram holds it. */
function strongest(contributions: Map<number, number>, vocabulary: Vocabulary): string[] {
  const ranked = [...contributions]
    .filter(([id, value]) => value > 0 && isWord(vocabulary.terms[id]!))
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => vocabulary.terms[id]!);
  const chosen: string[] = [];
  for (const term of ranked) {
    const words = term.split(' ');
    if (chosen.some((other) => words.some((word) => other.split(' ').includes(word)))) continue;
    chosen.push(term);
    if (chosen.length === SHOWN_TERMS) break;
  }
  return chosen;
}

/** Similarity to each positive, through the postings of the paper's terms. */
function measureLikeness(vector: SparseVector, evidence: Evidence): Map<number, number> {
  const postings = (evidence.postings ??= indexPositives(evidence.positives));
  const similarities = new Map<number, number>();
  for (let k = 0; k < vector.ids.length; k++)
    for (const [index, value] of postings.get(vector.ids[k]!) ?? [])
      similarities.set(index, (similarities.get(index) ?? 0) + vector.values[k]! * value);
  return similarities;
}

function describeLikeness(vector: SparseVector, evidence: Evidence, self: string): string | undefined {
  const own = new Map<number, number>();
  for (let k = 0; k < vector.ids.length; k++) own.set(vector.ids[k]!, vector.values[k]!);
  const similarities = measureLikeness(vector, evidence);
  for (const kind of ['saved', 'starred'] as const) {
    const shared = new Map<number, number>();
    let count = 0;
    for (const [index, similarity] of similarities) {
      const positive = evidence.positives[index]!;
      if (positive.kind !== kind || positive.id === self || similarity < LIKE) continue;
      const { ids, values } = positive.vector;
      count++;
      for (let k = 0; k < ids.length; k++) {
        const mine = own.get(ids[k]!);
        if (mine !== undefined) shared.set(ids[k]!, (shared.get(ids[k]!) ?? 0) + mine * values[k]!);
      }
    }
    const terms = strongest(shared, evidence.vocabulary);
    if (count === 0 || terms.length === 0) continue;
    const what = kind === 'saved' ? 'saved paper' : 'paper by starred authors';
    const plural = kind === 'saved' ? 'saved papers' : 'papers by starred authors';
    return `like ${count} ${count === 1 ? what : plural}: ${terms.join(', ')}`;
  }
  return undefined;
}

/** The terms that raise this paper's score most, when it is like no positive in particular. */
function describeTerms(vector: SparseVector, evidence: Evidence): string | undefined {
  const contributions = new Map<number, number>();
  for (let k = 0; k < vector.ids.length; k++) {
    const id = vector.ids[k]!;
    contributions.set(id, evidence.model.weights[id]! * vector.values[k]!);
  }
  const terms = strongest(contributions, evidence.vocabulary);
  return terms.length > 0 ? `on ${terms.join(', ')}` : undefined;
}

/** The starred authors a paper's authors wrote with (the second circle). */
export function findCircle(paper: RankText, circle: ReadonlyMap<string, string>): string[] {
  if (circle.size === 0) return [];
  return [...new Set(paper.authors.map((name) => circle.get(authorTerm(name))).filter((name) => name !== undefined))];
}

export function explainScore(paper: RankText, vector: SparseVector, evidence: Evidence): Explanation {
  const circle = findCircle(paper, evidence.circle);
  const parts = [
    describeLikeness(vector, evidence, paper.id) ?? describeTerms(vector, evidence),
    circle.length > 0 ? `co-author of ${circle.join(', ')}` : undefined,
  ].filter((part) => part !== undefined);
  return { circle, why: parts.length > 0 ? parts.join('; ') : NOTHING_SHARED };
}
