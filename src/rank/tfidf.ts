// tf-idf as arxiv-sanity-lite uses it (scikit-learn's TfidfVectorizer with sublinear_tf=True,
// smooth_idf=True, norm='l2'): weight = (1 + ln tf) · idf, idf = ln((1 + n) / (1 + df)) + 1, each
// vector scaled to length 1. Pure.
import { AUTHOR_PREFIX, visitTerms, type RankText } from './features.ts';

/** A sparse vector: parallel arrays of term ids and values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

/** Terms and their inverse document frequencies, fitted on a bounded sample of the store. */
export interface Vocabulary {
  index: Map<string, number>;
  terms: string[];
  idf: Float64Array;
  /** Bigram ids by first word, then second: scoring looks bigrams up without building their strings. */
  bigrams?: Map<string, Map<string, number>>;
  /** Term counts of the paper being vectorised, zeroed after each (one allocation per vocabulary). */
  scratch?: Float64Array;
}

export interface VocabularyOptions {
  /** Terms in fewer papers are dropped (default 2): a word of one paper teaches nothing. */
  minDf?: number;
  /** Terms in more than this share of papers are dropped (default 0.25): they tell nothing apart. */
  maxDfShare?: number;
}

export function fitVocabulary(docs: readonly Map<string, number>[], options: VocabularyOptions = {}): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const minDf = options.minDf ?? 2;
  const maxDf = Math.max(minDf, (options.maxDfShare ?? 0.25) * n);
  const terms = [...df].filter(([, count]) => count >= minDf && count <= maxDf).map(([term]) => term);
  terms.sort();
  const idf = Float64Array.from(terms, (term) => Math.log((1 + n) / (1 + df.get(term)!)) + 1);
  return { index: new Map(terms.map((term, i) => [term, i])), terms, idf };
}

/** The l2-normalised tf-idf vector of a paper over the vocabulary; terms outside it are left out. */
export function vectorize(counts: Map<string, number>, vocabulary: Vocabulary): SparseVector {
  const ids: number[] = [];
  const values: number[] = [];
  let squares = 0;
  for (const [term, tf] of counts) {
    const id = vocabulary.index.get(term);
    if (id === undefined) continue;
    const weight = (1 + Math.log(tf)) * vocabulary.idf[id]!;
    squares += weight * weight;
    ids.push(id);
    values.push(weight);
  }
  const norm = Math.sqrt(squares) || 1;
  return { ids: Int32Array.from(ids), values: Float64Array.from(values, (value) => value / norm) };
}

function indexBigrams(vocabulary: Vocabulary): Map<string, Map<string, number>> {
  const bigrams = new Map<string, Map<string, number>>();
  vocabulary.terms.forEach((term, id) => {
    const space = term.indexOf(' ');
    if (space < 0 || term.startsWith(AUTHOR_PREFIX)) return;
    const first = term.slice(0, space);
    let seconds = bigrams.get(first);
    if (seconds === undefined) bigrams.set(first, (seconds = new Map<string, number>()));
    seconds.set(term.slice(space + 1), id);
  });
  return bigrams;
}

/** A paper's vector straight from its text (what vectorize(countTerms(…)) gives, faster: for scoring). */
export function vectorizePaper(paper: RankText, vocabulary: Vocabulary, circle?: ReadonlySet<string>): SparseVector {
  const bigrams = (vocabulary.bigrams ??= indexBigrams(vocabulary));
  const counts = (vocabulary.scratch ??= new Float64Array(vocabulary.terms.length));
  const touched: number[] = [];
  const add = (id: number | undefined) => {
    if (id === undefined) return;
    if (counts[id] === 0) touched.push(id);
    counts[id]!++;
  };
  visitTerms(paper, circle, {
    word: (word) => add(vocabulary.index.get(word)),
    bigram: (first, second) => add(bigrams.get(first)?.get(second)),
    term: (term) => add(vocabulary.index.get(term)),
  });
  const ids = Int32Array.from(touched);
  const values = new Float64Array(ids.length);
  let squares = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const value = (1 + Math.log(counts[id]!)) * vocabulary.idf[id]!;
    counts[id] = 0;
    values[k] = value;
    squares += value * value;
  }
  const norm = Math.sqrt(squares) || 1;
  for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { ids, values };
}

/** The dot product of two vectors (cosine similarity for l2-normalised ones). */
export function dot(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  for (let i = 0; i < a.ids.length; i++) weights.set(a.ids[i]!, a.values[i]!);
  let sum = 0;
  for (let i = 0; i < b.ids.length; i++) sum += (weights.get(b.ids[i]!) ?? 0) * b.values[i]!;
  return sum;
}
