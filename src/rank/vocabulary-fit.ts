// Fitting the vocabulary on the stored window and vectorising its papers in one reading of each. Pure.
import { CIRCLE_TERM, type RankText, visitTerms } from './features.ts';
import { PairTable } from './pair-table.ts';
import {
  isAuthorSide,
  VOCABULARY_DEFAULTS,
  weighTerms,
  type PaperVector,
  type Vocabulary,
  type VocabularyOptions,
} from './tfidf.ts';

/**
 * The vocabulary of `papers` (within the document-frequency floor and ceiling) and each paper's
 * vector over it, reading every paper once. Terms get provisional ids on the way (a bigram keyed by
 * the numbers of its two words, so no bigram's string is built unless it is kept) and document
 * frequencies are counted in typed arrays: most of the store's distinct terms are one paper's bigrams.
 */
export function fitVectors(
  papers: readonly RankText[],
  inCircle: (paper: RankText) => boolean,
  options: VocabularyOptions = {},
): { vocabulary: Vocabulary; vectors: PaperVector[] } {
  const counts = new TermCounts();
  const docs = papers.map((paper, doc) => {
    const ids: number[] = [];
    visitTerms(paper, inCircle(paper), {
      word: (word) => {
        const id = counts.word(word);
        ids.push(counts.see(id, doc));
        return id;
      },
      term: (term) => ids.push(counts.see(counts.word(term), doc)),
      bigram: (first, second) => ids.push(counts.see(counts.bigram(first, second), doc)),
    });
    return ids;
  });
  const vocabulary = counts.keep(papers.length, { ...VOCABULARY_DEFAULTS, ...options });
  const { final } = counts;
  const vectors = docs.map((ids) => {
    const counts = new Map<number, number>();
    for (const id of ids) if (final[id]! >= 0) counts.set(final[id]!, (counts.get(final[id]!) ?? 0) + 1);
    return weighTerms(Int32Array.from(counts.keys()), (id) => counts.get(id)!, vocabulary);
  });
  return { vocabulary, vectors };
}

/** Provisional term ids and their document frequencies, for fitVectors. */
class TermCounts {
  private readonly words = new Map<string, number>();
  /** The two words' ids → the bigram's id. */
  private readonly bigrams = new PairTable();
  /** Per provisional id: the word's text, or '' and the ids of a bigram's two words (-1 for a word). */
  private readonly text: string[] = [];
  private firsts = new Int32Array(1 << 16);
  private seconds = new Int32Array(1 << 16);
  private df = new Int32Array(1 << 16);
  private last = new Int32Array(1 << 16).fill(-1);

  private create(text: string, first: number, second: number): number {
    const id = this.text.length;
    if (id === this.df.length) {
      const grow = (from: Int32Array, fill = 0) => {
        const to = new Int32Array(2 * id).fill(fill);
        to.set(from);
        return to;
      };
      this.firsts = grow(this.firsts);
      this.seconds = grow(this.seconds);
      this.df = grow(this.df);
      this.last = grow(this.last, -1);
    }
    this.text.push(text);
    this.firsts[id] = first;
    this.seconds[id] = second;
    return id;
  }

  word(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) this.words.set(word, (id = this.create(word, -1, -1)));
    return id;
  }

  bigram(a: number, b: number): number {
    let id = this.bigrams.get(a, b);
    if (id === undefined) this.bigrams.set(a, b, (id = this.create('', a, b)));
    return id;
  }

  see(id: number, doc: number): number {
    if (this.last[id] !== doc) {
      this.last[id] = doc;
      this.df[id]!++;
    }
    return id;
  }

  private termOf(id: number): string {
    const first = this.firsts[id]!;
    return first < 0 ? this.text[id]! : `${this.text[first]!} ${this.text[this.seconds[id]!]!}`;
  }

  private kept(id: number, n: number, options: Required<VocabularyOptions>): boolean {
    const df = this.df[id]!;
    const text = this.text[id]!;
    if (text === CIRCLE_TERM) return true;
    if (isAuthorSide(text)) return df >= options.authorMinDf;
    return df >= options.minDf && df <= Math.max(options.minDf, options.maxDfShare * n);
  }

  keep(n: number, options: Required<VocabularyOptions>): Vocabulary {
    const kept: { id: number; term: string; df: number }[] = [];
    for (let id = 0; id < this.text.length; id++)
      if (this.kept(id, n, options)) kept.push({ id, term: this.termOf(id), df: this.df[id]! });
    kept.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    this.final = new Int32Array(this.text.length).fill(-1);
    kept.forEach(({ id }, i) => (this.final[id] = i));
    const terms = kept.map(({ term }) => term);
    const idf = Float64Array.from(kept, ({ df }) => Math.log((1 + n) / (1 + df)) + 1);
    return { index: new Map(terms.map((term, i) => [term, i])), terms, idf };
  }

  /** Provisional id → the vocabulary's id, or -1 for a term left out (after keep). */
  final = new Int32Array(0);
}
