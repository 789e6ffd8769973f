// Ranking quality on real text: the 1,538 real OAI-PMH records of the shared fixtures (2016 cs:
// information theory, robotics, logic, databases, quantum physics cross-lists ...). Save a dozen
// robotics papers and hide a dozen information-theory papers: robotics must fill most of the top
// 20 of the rest, and information theory sink.
import { describe, expect, it } from 'vitest';
import type { Example } from '../../src/rank/ranker.ts';
import { createTfidfRanker } from '../../src/rank/tfidf-ranker.ts';
import { loadOaiRecords } from '../support/realistic-day.ts';

const SAVED_SUBJECT = 'cs.RO';
const HIDDEN_SUBJECT = 'cs.IT';
const MARKED = 12;

function rankFixtures() {
  const records = loadOaiRecords();
  const primary = (id: string) => records.find((record) => record.id === id)!.categories[0];
  // Every third paper of the subject, so the dozen is spread over the capture rather than its first page.
  const pick = (subject: string) =>
    records
      .filter((record) => record.categories[0] === subject)
      .filter((_, i) => i % 3 === 0)
      .slice(0, MARKED);
  const saved = new Set(pick(SAVED_SUBJECT).map((record) => record.id));
  const hidden = new Set(pick(HIDDEN_SUBJECT).map((record) => record.id));
  const examples: Example[] = records.map((record) => ({
    ...record,
    kind: saved.has(record.id) ? 'saved' : hidden.has(record.id) ? 'hidden' : 'background',
  }));
  const ranker = createTfidfRanker();
  expect(ranker.train({ examples, circle: [] })).toBe(true);
  const rest = records.filter((record) => !saved.has(record.id) && !hidden.has(record.id));
  const scores = ranker.score(rest);
  const ranked = rest.map((record, i) => ({ record, score: scores[i]! })).sort((a, b) => b.score - a.score);
  return { ranker, ranked, rest, primary };
}

describe('the tf-idf ranker on real abstracts', () => {
  it('puts the saved subject on top and sinks the hidden one', () => {
    const { ranked, rest } = rankFixtures();
    const top = ranked.slice(0, 20);
    const precision = top.filter((entry) => entry.record.categories[0] === SAVED_SUBJECT).length / 20;
    const chance = rest.filter((record) => record.categories[0] === SAVED_SUBJECT).length / rest.length;
    console.info(`precision@20 ${precision} (chance ${chance.toFixed(3)}) over ${rest.length} papers`);
    expect(precision).toBeGreaterThanOrEqual(0.6);
    expect(precision).toBeGreaterThan(10 * chance);
    expect(top.filter((entry) => entry.record.categories[0] === HIDDEN_SUBJECT)).toEqual([]);
    // The hidden subject sinks: its median rank is in the bottom half.
    const ranks = ranked.flatMap((entry, i) => (entry.record.categories[0] === HIDDEN_SUBJECT ? [i] : []));
    expect(ranks[Math.floor(ranks.length / 2)]!).toBeGreaterThan(rest.length / 2);
  });

  it('explains a top paper by the saved papers it is like and the words they share', () => {
    const { ranker, ranked } = rankFixtures();
    const first = ranked[0]!.record;
    const { why } = ranker.explain(first);
    expect(why).toMatch(/^like \d+ saved papers?: [a-z][a-z -]+(, [a-z][a-z -]+){0,2}$/);
  });

  it('finds similar papers from the same vectors: a robotics paper is most like robotics papers', () => {
    const { ranker, rest, primary } = rankFixtures();
    const robot = rest.find((record) => record.categories[0] === SAVED_SUBJECT)!;
    const similar = ranker.similar(robot, rest, 5);
    expect(similar).toHaveLength(5);
    expect(similar.filter((hit) => primary(hit.id) === SAVED_SUBJECT).length).toBeGreaterThanOrEqual(3);
  });

  it('survives its JSON: a saved model scores as the trained one', () => {
    const { ranker, rest } = rankFixtures();
    const loaded = createTfidfRanker(JSON.parse(ranker.save()));
    const sample = rest.slice(0, 50);
    const before = ranker.score(sample);
    loaded.score(sample).forEach((score, i) => expect(score).toBeCloseTo(before[i]!, 3));
  });
});
