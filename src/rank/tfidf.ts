// tf-idf as arxiv-sanity-lite uses it (scikit-learn's TfidfVectorizer with sublinear_tf=True,
// smooth_idf=True, norm='l2'): weight = (1 + ln tf) · idf, idf = ln((1 + n) / (1 + df)) + 1, each
// vector scaled to length 1. Pure.

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

/** The dot product of two vectors (cosine similarity for l2-normalised ones). */
export function dot(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  for (let i = 0; i < a.ids.length; i++) weights.set(a.ids[i]!, a.values[i]!);
  let sum = 0;
  for (let i = 0; i < b.ids.length; i++) sum += (weights.get(b.ids[i]!) ?? 0) * b.values[i]!;
  return sum;
}
