// arxiv-sanity-lite's ranking, re-implemented for the protocol (bench/rank-protocol.ts) from its
// compute.py and serve.py: scikit-learn's TfidfVectorizer over title + abstract + the author names
// (strip_accents='unicode', lowercase, token_pattern (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b, stop_words=
// 'english', ngram_range=(1, 2), max_features=20000, min_df=5, max_df=0.1, sublinear_tf, smooth idf,
// l2 norm) and LinearSVC(class_weight='balanced', C=0.01, tol=1e-6): liblinear's dual coordinate
// descent for the L2-regularised squared-hinge SVM with shrinking (Hsieh et al., "A dual coordinate
// descent method for large-scale linear SVM", ICML 2008), the intercept a feature of value 1.
import { ENGLISH_STOP_WORDS } from '../src/rank/stop-words.ts';
import type { SparseVector } from '../src/rank/tfidf.ts';
import type { DailyPaper } from '../tests/support/arxiv-daily.ts';
import { createRandom } from '../tests/support/seeded-random.ts';

const UNICODE_WORD = /[\p{L}\p{N}_]/u;

/**
 * The tokens of (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b on lower-case text: a whole run of word characters
 * (Unicode's, as Python's \w) made of ASCII letters, digits and _ only, not starting with a digit.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let ascii = true;
    while (i < n) {
      const code = text.charCodeAt(i);
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95) i++;
      else if (code > 127 && UNICODE_WORD.test(text[i]!)) {
        ascii = false;
        i++;
      } else break;
    }
    if (i === start) {
      i++;
      continue;
    }
    const first = text.charCodeAt(start);
    if (ascii && i - start >= 2 && !(first >= 48 && first <= 57)) tokens.push(text.slice(start, i));
  }
  return tokens;
}

/** sklearn's analyzer: accents stripped (NFKD, combining marks dropped), lower case, tokens, stop words out, 1- and 2-grams. */
export function analyze(paper: Pick<DailyPaper, 'title' | 'abstract' | 'authors'>): string[] {
  let text = `${paper.title} ${paper.abstract} ${paper.authors.join(' ')}`;
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(text)) text = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const tokens = tokenize(text.toLowerCase()).filter((token) => !ENGLISH_STOP_WORDS.has(token));
  const grams = [...tokens];
  for (let i = 1; i < tokens.length; i++) grams.push(`${tokens[i - 1]} ${tokens[i]}`);
  return grams;
}

export interface SanityVectorizer {
  index: Map<string, number>;
  idf: Float64Array;
}

/** Fits the vocabulary and idf on `papers` (sanity-lite fits on every paper it stores). */
export function fitSanityVectorizer(papers: readonly DailyPaper[]): SanityVectorizer {
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const paper of papers) {
    const grams = analyze(paper);
    for (const gram of grams) tf.set(gram, (tf.get(gram) ?? 0) + 1);
    for (const gram of new Set(grams)) df.set(gram, (df.get(gram) ?? 0) + 1);
  }
  const n = papers.length;
  const kept = [...df]
    .filter(([, count]) => count >= 5 && count <= 0.1 * n)
    .map(([gram]) => gram)
    .sort((a, b) => tf.get(b)! - tf.get(a)! || (a < b ? -1 : 1))
    .slice(0, 20_000);
  return {
    index: new Map(kept.map((gram, i) => [gram, i])),
    idf: Float64Array.from(kept, (gram) => Math.log((1 + n) / (1 + df.get(gram)!)) + 1),
  };
}

export function vectorizeSanity(paper: DailyPaper, vectorizer: SanityVectorizer): SparseVector {
  const counts = new Map<number, number>();
  for (const gram of analyze(paper)) {
    const id = vectorizer.index.get(gram);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from(counts.keys());
  const values = Float64Array.from(ids, (id) => (1 + Math.log(counts.get(id)!)) * vectorizer.idf[id]!);
  const norm = Math.hypot(...values) || 1;
  for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { ids, values };
}

export interface LinearSvc {
  weights: Float64Array;
  bias: number;
}

/** LinearSVC(C, class_weight='balanced', loss='squared_hinge', dual=True, tol) as liblinear solves it. */
export function trainLinearSvc(
  rows: readonly { vector: SparseVector; label: 1 | -1 }[],
  dimensions: number,
  { c = 0.01, tol = 1e-6, maxIter = 10_000 } = {},
): LinearSvc {
  const l = rows.length;
  const positives = rows.filter((row) => row.label > 0).length;
  const weightOf = (label: number) => l / (2 * (label > 0 ? positives : l - positives));
  const w = new Float64Array(dimensions);
  let bias = 0;
  const alpha = new Float64Array(l);
  const diag = Float64Array.from(rows, (row) => 1 / (2 * c * weightOf(row.label)));
  const qd = Float64Array.from(rows, (row, i) => row.vector.values.reduce((s, v) => s + v * v, 0) + 1 + diag[i]!);
  const index = Int32Array.from(rows.keys());
  const random = createRandom('liblinear');
  let active = l;
  // Shrinking: a dual variable at 0 whose gradient exceeds the last sweep's largest projected one leaves the active set.
  let pgMaxOld = Infinity;
  for (let iter = 0; iter < maxIter; iter++) {
    for (let i = 0; i < active; i++) {
      const j = i + Math.floor(random.next() * (active - i));
      [index[i], index[j]] = [index[j]!, index[i]!];
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = index[s]!;
      const { vector, label } = rows[i]!;
      let margin = bias;
      for (let k = 0; k < vector.ids.length; k++) margin += w[vector.ids[k]!]! * vector.values[k]!;
      const g = label * margin - 1 + diag[i]! * alpha[i]!;
      let pg = g;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          active--;
          [index[s], index[active]] = [index[active]!, index[s]!];
          s--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      pgMax = Math.max(pgMax, pg);
      pgMin = Math.min(pgMin, pg);
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        alpha[i] = Math.max(old - g / qd[i]!, 0);
        const step = (alpha[i] - old) * label;
        for (let k = 0; k < vector.ids.length; k++) w[vector.ids[k]!]! += step * vector.values[k]!;
        bias += step;
      }
    }
    if (pgMax - pgMin <= tol) {
      if (active === l) break;
      active = l;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  return { weights: w, bias };
}

export function decide(model: LinearSvc, vector: SparseVector): number {
  let margin = model.bias;
  for (let k = 0; k < vector.ids.length; k++) margin += model.weights[vector.ids[k]!]! * vector.values[k]!;
  return margin;
}
