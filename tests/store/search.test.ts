// The search index kept by the ingest (every paper filed under its latest day, its text as the
// latest version says) and the bounded cost of ranking, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { searchPapers } from '../../src/store/read/search.ts';
import { confirmAuthorPapers } from '../../src/store/write/confirmations.ts';
import type { SearchQuery } from '../../src/store/read/search-match.ts';
import { parseQuery } from '../../src/text/query.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
});
afterEach(() => world.close());

function find(text: string, options: Partial<SearchQuery> & { rankBudget?: number } = {}) {
  const { rankBudget, ...rest } = options;
  const query: SearchQuery = { query: parseQuery(text), starredOnly: false, sort: 'relevance', ...rest };
  const page = { offset: 0, limit: 50, ...(rankBudget !== undefined && { rankBudget }) };
  return searchPapers(world.context.db, query, page, NAMES);
}
const NAMES = new Map([['geoffrey-hinton', 'Geoffrey Hinton']]);
const ids = (result: { hits: { id: string }[] }) => result.hits.map((hit) => hit.id);
/** FTS5's own check of the index (https://sqlite.org/fts5.html#the_integrity_check_command). */
function checkIndexes(): void {
  world.context.db.prepare("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')").run();
}

describe('the index follows the store', () => {
  it('files a paper announced again under the later day', () => {
    world.ingestDay('2026-11-23', [makePaper({ id: '2611.00001', title: 'Alpha one' })]);
    world.ingestDay('2026-11-24', [makePaper({ id: '2611.00002', title: 'Alpha two' })]);
    expect(ids(find('alpha', { sort: 'date' }))).toEqual(['2611.00002', '2611.00001']);
    // Announced again on the 25th as a cross-list: same version, same text.
    world.ingestDay('2026-11-25', [makePaper({ id: '2611.00001', title: 'Alpha one', announceType: 'cross' })]);
    expect(ids(find('alpha', { sort: 'date' }))).toEqual(['2611.00001', '2611.00002']);
    expect(ids(find('alpha', { from: '2026-11-25' }))).toEqual(['2611.00001']);
    // A day filled in later, before the latest: the paper stays where it is.
    world.ingestDay('2026-11-20', [makePaper({ id: '2611.00002', title: 'Alpha two', announceType: 'cross' })]);
    expect(ids(find('alpha', { to: '2026-11-24' }))).toEqual(['2611.00002']);
  });

  it('indexes a paper met twice in one feed once, with the text of its later version', () => {
    world.ingestDay('2026-11-23', [makePaper({ id: '2611.00009', version: 1, title: 'Epsilon first' })]);
    // One ingest: a new paper, then its v2 (added, taken back, added again before the flush), and
    // v2 of the stored one (removed from the index, added again).
    world.ingestDay('2026-11-24', [
      makePaper({ id: '2611.00010', version: 1, title: 'Zeta first' }),
      makePaper({ id: '2611.00010', version: 2, title: 'Zeta second', announceType: 'replace' }),
      makePaper({ id: '2611.00009', version: 2, title: 'Epsilon second', announceType: 'replace' }),
    ]);
    expect(ids(find('zeta'))).toEqual(['2611.00010']);
    expect(ids(find('first'))).toEqual([]);
    expect(ids(find('second', { sort: 'date' }))).toEqual(['2611.00010', '2611.00009']);
    checkIndexes();
  });

  it('indexes the text of a new version and forgets the old', () => {
    world.ingestDay('2026-11-23', [
      makePaper({ id: '2611.00003', version: 1, title: 'Gamma rays', authors: ['A Old'] }),
    ]);
    world.ingestDay('2026-11-24', [
      makePaper({ id: '2611.00003', version: 2, title: 'Delta rays', authors: ['B New'], announceType: 'replace' }),
    ]);
    expect(ids(find('gamma'))).toEqual([]);
    expect(ids(find('author:old'))).toEqual([]);
    expect(ids(find('delta author:new'))).toEqual(['2611.00003']);
    expect(ids(find('rays', { to: '2026-11-23' }))).toEqual([]);
    checkIndexes();
  });

  it('keeps the last of two versions a feed lists', () => {
    world.ingestDay('2026-11-24', [
      makePaper({ id: '2611.00004', version: 1, title: 'Epsilon first' }),
      makePaper({ id: '2611.00004', version: 2, title: 'Zeta second' }),
    ]);
    expect(ids(find('epsilon'))).toEqual([]);
    expect(ids(find('zeta'))).toEqual(['2611.00004']);
    checkIndexes();
  });
});

describe('ranking costs a bounded number of matches', () => {
  beforeEach(() => {
    const days = ['2026-11-23', '2026-11-24', '2026-11-25'];
    days.forEach((day, d) =>
      world.ingestDay(
        day,
        Array.from({ length: 10 }, (_, i) =>
          makePaper({
            id: `2611.${d}00${String(i).padStart(2, '0')}`,
            title: `Beta ${i === 0 ? 'beta beta' : 'paper'}`,
          }),
        ),
      ),
    );
    world.ingestDay('2026-11-20', [makePaper({ id: '2611.09999', title: 'Beta by a name', authors: ['Ann Beta'] })]);
  });

  it('ranks the newest matches when there are more than the budget, and says how many', () => {
    const result = find('beta', { rankBudget: 10 });
    expect(result).toMatchObject({ total: 31, rankedAmong: 10 });
    // The name's paper first, however old; then the newest day's, its best one first.
    const [name, best, ...rest] = ids(result);
    expect([name, best, rest.length]).toEqual(['2611.09999', '2611.20000', 9]);
    expect(rest.every((id) => id.startsWith('2611.200'))).toBe(true);
    expect(find('beta', { rankBudget: 40 }).rankedAmong).toBeUndefined();
  });

  it('sorts by date through every match at no ranking cost', () => {
    const result = find('beta', { sort: 'date', rankBudget: 10 });
    expect(result.total).toBe(31);
    expect(result.rankedAmong).toBeUndefined();
    expect(ids(result)).toHaveLength(31);
    expect(ids(result).at(-1)).toBe('2611.09999');
  });
});

describe('starred flags', () => {
  it("reads a confirmed likely match as exact in search as on the day's page", () => {
    world.ingestDay('2026-11-23', [makePaper({ id: '2611.00031', title: 'Omega', authors: ['G. Hinton'] })]);
    const { db } = world.context;
    db.prepare("INSERT INTO starred VALUES ('2611.00031', 'geoffrey-hinton', 'G. Hinton', 'likely')").run();
    const confidences = () => ({
      day: getDayPapers(db, '2026-11-23', NAMES)[0]!.starred.map((flag) => flag.confidence),
      search: find('omega').hits[0]!.starred.map((flag) => flag.confidence),
    });
    expect(confidences()).toEqual({ day: ['likely'], search: ['likely'] });
    // The author's own arXiv feed lists the paper: it is theirs, wherever it is shown.
    confirmAuthorPapers(db, 'geoffrey-hinton', ['2611.00031']);
    expect(confidences()).toEqual({ day: ['exact'], search: ['exact'] });
  });
});
