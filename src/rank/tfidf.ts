// tf-idf as arxiv-sanity-lite uses it (scikit-learn's TfidfVectorizer with sublinear_tf=True,
// smooth_idf=True, norm='l2'): weight = (1 + ln tf) · idf, idf = ln((1 + n) / (1 + df)) + 1. A
// paper's vector has two parts, each scaled to length 1: its words (and bigrams), and its authors
// (with the circle fact). The model weighs each part on its own and learns, per reader, how much
// each counts (rank/learn.ts): one term per author among 150 to 250 words would otherwise say
// little of who wrote the paper, and how much that matters differs from one reader to the next. Pure.
import { AUTHOR_PREFIX, CIRCLE_TERM, visitTerms, type RankText } from './features.ts';

/** A sparse vector: parallel arrays of term ids and values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

/** A paper's words and its authors, each part of length 1 (or empty). */
export interface PaperVector {
  words: SparseVector;
  authors: SparseVector;
}

/** Terms and their inverse document frequencies, fitted on a bounded sample of the store. */
export interface Vocabulary {
  index: Map<string, number>;
  terms: string[];
  idf: Float64Array;
  /** 1 for an author's term or the circle fact, 0 for a word or bigram (built on first use). */
  sides?: Uint8Array;
  /** How scoring reads words and bigrams without building bigram strings (built on first use). */
  words?: WordIndex;
  /** Term counts of the paper being vectorised, zeroed after each (one allocation per vocabulary). */
  scratch?: Float64Array;
}

export interface VocabularyOptions {
  /** Words and bigrams in fewer papers are dropped (default 3): typos and one paper's coinages teach nothing. */
  minDf?: number;
  /** Words and bigrams in more than this share of papers are dropped (default 0.1): they tell nothing apart. */
  maxDfShare?: number;
  /** Authors of fewer papers are dropped (default 2): a name on one paper only says that paper again. */
  authorMinDf?: number;
}

export const VOCABULARY_DEFAULTS: Required<VocabularyOptions> = { minDf: 3, maxDfShare: 0.1, authorMinDf: 2 };

export const isAuthorSide = (term: string): boolean => term.startsWith(AUTHOR_PREFIX) || term === CIRCLE_TERM;

const EMPTY: SparseVector = { ids: new Int32Array(0), values: new Float64Array(0) };

export function sidesOf(vocabulary: Vocabulary): Uint8Array {
  return (vocabulary.sides ??= Uint8Array.from(vocabulary.terms, (term) => (isAuthorSide(term) ? 1 : 0)));
}

/** A paper's vector from its distinct term ids and their counts: sublinear tf-idf, each part scaled to length 1. */
export function weighTerms(
  ids: ArrayLike<number>,
  countOf: (id: number) => number,
  vocabulary: Vocabulary,
): PaperVector {
  const sides = sidesOf(vocabulary);
  const parts = [0, 1].map((side) => {
    const chosen: number[] = [];
    for (let k = 0; k < ids.length; k++) if (sides[ids[k]!] === side) chosen.push(ids[k]!);
    if (chosen.length === 0) return EMPTY;
    const values = Float64Array.from(chosen, (id) => (1 + Math.log(countOf(id))) * vocabulary.idf[id]!);
    let squares = 0;
    for (const value of values) squares += value * value;
    const norm = Math.sqrt(squares);
    for (let k = 0; k < values.length; k++) values[k]! /= norm;
    return { ids: Int32Array.from(chosen), values };
  });
  return { words: parts[0]!, authors: parts[1]! };
}

/**
 * Every word the vocabulary holds alone or in a bigram, numbered: a word's own term id, and its
 * bigrams by the second word's number.
 */
interface WordIndex {
  numbers: Map<string, number>;
  /** Word number → its term id, or -1 (a word kept only inside bigrams). */
  unigram: Int32Array;
  /** First word's number → second word's number → the bigram's term id. */
  bigrams: Map<number, number>[];
}

function indexWords(vocabulary: Vocabulary): WordIndex {
  const numbers = new Map<string, number>();
  const unigram: number[] = [];
  const number = (word: string): number => {
    let n = numbers.get(word);
    if (n === undefined) {
      numbers.set(word, (n = unigram.length));
      unigram.push(-1);
    }
    return n;
  };
  const pairs: [number, number, number][] = [];
  vocabulary.terms.forEach((term, id) => {
    if (isAuthorSide(term)) return;
    const space = term.indexOf(' ');
    if (space < 0) unigram[number(term)] = id;
    else pairs.push([number(term.slice(0, space)), number(term.slice(space + 1)), id]);
  });
  const bigrams: Map<number, number>[] = [];
  for (const [first, second, id] of pairs) (bigrams[first] ??= new Map()).set(second, id);
  return { numbers, unigram: Int32Array.from(unigram), bigrams };
}

/** A paper's vector straight from its text, as fitVectors gives it (scoring, and papers the fit did not read). */
export function vectorizePaper(paper: RankText, vocabulary: Vocabulary, inCircle = false): PaperVector {
  const words = (vocabulary.words ??= indexWords(vocabulary));
  const counts = (vocabulary.scratch ??= new Float64Array(vocabulary.terms.length));
  const touched: number[] = [];
  const add = (id: number | undefined) => {
    if (id === undefined || id < 0) return;
    if (counts[id] === 0) touched.push(id);
    counts[id]!++;
  };
  visitTerms(paper, inCircle, {
    word: (word) => {
      const n = words.numbers.get(word);
      if (n === undefined) return -1;
      add(words.unigram[n]);
      return n;
    },
    bigram: (first, second) => add(words.bigrams[first]?.get(second)),
    term: (term) => add(vocabulary.index.get(term)),
  });
  const vector = weighTerms(touched, (id) => counts[id]!, vocabulary);
  for (const id of touched) counts[id] = 0;
  return vector;
}

/** The dot product of two vectors (cosine similarity for l2-normalised ones). */
export function dot(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  for (let i = 0; i < a.ids.length; i++) weights.set(a.ids[i]!, a.values[i]!);
  let sum = 0;
  for (let i = 0; i < b.ids.length; i++) sum += (weights.get(b.ids[i]!) ?? 0) * b.values[i]!;
  return sum;
}
