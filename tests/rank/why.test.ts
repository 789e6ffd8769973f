// The why of a score in words people use (rank/explain.ts): on real papers, every word or pair of
// words a why names occurs in the paper, in at least three of the stored papers and in at most a
// tenth of them (no typos, no words every abstract has), is no stop word, and there are at most three.
import { describe, expect, it } from 'vitest';
import { visitTerms } from '../../src/rank/features.ts';
import type { Example } from '../../src/rank/ranker.ts';
import { ENGLISH_STOP_WORDS } from '../../src/rank/stop-words.ts';
import { createTfidfRanker } from '../../src/rank/tfidf-ranker.ts';
import { loadArxivDailySlice } from '../support/arxiv-daily.ts';

const WHY = /^(?:(?:like \d+ saved papers?: |on )([^;]+))?(?:; )?(?:co-author of ([^;,]+))?$/;

/** A paper's words and pairs of neighbouring words, as the ranker reads them. */
function termsOf(paper: { id: string; title: string; abstract: string; authors: string[] }): Set<string> {
  const terms = new Set<string>();
  const words: string[] = [];
  visitTerms(paper, false, {
    word: (word) => {
      terms.add(word);
      return words.push(word) - 1;
    },
    bigram: (first, second) => terms.add(`${words[first]} ${words[second]}`),
    term: () => {},
  });
  return terms;
}

describe('the why of a score', () => {
  it('names at most three terms of the paper that pass the vocabulary filter', () => {
    const papers = loadArxivDailySlice();
    const examples: Example[] = papers.map((paper) => ({
      ...paper,
      kind: paper.categories.includes('cs.RO') && paper.day < '2025-11-03' ? 'saved' : 'background',
    }));
    const ranker = createTfidfRanker();
    expect(ranker.train({ examples, circle: [] })).toBe(true);
    const terms = papers.map(termsOf);
    const df = new Map<string, number>();
    for (const paperTerms of terms) for (const term of paperTerms) df.set(term, (df.get(term) ?? 0) + 1);
    let named = 0;
    papers.forEach((paper, i) => {
      const { why } = ranker.explain(paper);
      const match = WHY.exec(why ?? '');
      if (why === 'little in common with your saved papers and starred authors') return;
      expect(match, why).not.toBeNull();
      const words = match![1]!.split(', ');
      expect(words.length).toBeLessThanOrEqual(3);
      for (const word of words) {
        expect(terms[i]!.has(word), `${paper.id}: ${word}`).toBe(true);
        expect(df.get(word)!, word).toBeGreaterThanOrEqual(3);
        expect(df.get(word)!, word).toBeLessThanOrEqual(0.1 * papers.length);
        for (const part of word.split(' ')) expect(ENGLISH_STOP_WORDS.has(part), word).toBe(false);
        named++;
      }
    });
    expect(named).toBeGreaterThan(papers.length);
  });
});
