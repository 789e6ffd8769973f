// A watch is a saved search: on a window's papers it matches exactly what searching its query
// finds there. Words in their forms (robot finds "robotic" and "robots", transformer finds
// "Transformers" but not "Fourier transform"), phrases, exclusions, prefixes, names and categories;
// case, accents and TeX accents folded. On a real SQLite file, and on the realistic day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { searchPapers } from '../../src/store/read/search.ts';
import { matchWatches } from '../../src/store/read/watch-matches.ts';
import { findWatchMatches } from '../../src/views/watches.ts';
import { parseQuery } from '../../src/text/query.ts';
import type { PaperRecord } from '../../src/types.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';

const DAY = '2026-11-26';
const paper = (id: string, title: string, abstract = '', categories = ['cs.LG'], authors = ['Ada Lovelace']) =>
  makePaper({ id, title, abstract, categories, authors });
const SMALL: PaperRecord[] = [
  paper('2611.00001', 'Diffusion Policy: visuomotor policy learning via action diffusion', 'We learn robot skills.'),
  paper('2611.00002', 'A survey of diffusion policy methods'),
  paper('2611.00003', 'Robotic manipulation with language', 'Robots grasp things.', ['cs.RO']),
  paper('2611.00004', 'Transformers learn in context', 'Attention is all.', ['cs.LG', 'stat.ML']),
  paper('2611.00005', 'A Fourier transform of graphs', 'The transformation of signals.'),
  paper(
    '2611.00006',
    'Learning with Sch\\"olkopf kernels',
    'A state-of-the-art method.',
    ['cs.LG'],
    ['B. Sch\\"olkopf'],
  ),
  paper('2611.00007', 'Diffusion policies for legged robots', 'Policies that walk.', ['cs.RO']),
];

let small: TestWorld;
let day: TestWorld;
let realistic: PaperRecord[];
beforeAll(() => {
  small = createTestWorld();
  small.ingestDay(DAY, SMALL);
  day = createTestWorld();
  realistic = buildRealisticDay({ day: DAY });
  day.ingestDay(DAY, realistic);
});
afterAll(() => {
  small.close();
  day.close();
});

function watch(world: TestWorld, query: string): string[] {
  const papers = getDayPapers(world.context.db, DAY, new Map());
  return [...matchWatches(world.context.db, [{ slug: 'w', query }], papers).get('w')!].sort();
}
function search(world: TestWorld, query: string): string[] {
  const request = { query: parseQuery(query), starredOnly: false, sort: 'date' as const, from: DAY, to: DAY };
  return searchPapers(world.context.db, request, { offset: 0, limit: 5000 }, new Map())
    .hits.map((hit) => hit.id)
    .sort();
}
const ids = (...numbers: number[]) => numbers.map((n) => `2611.0000${n}`);

describe('a watch', () => {
  it.each([
    ['"diffusion policy"', ids(1, 2, 7)],
    ['"policy diffusion"', []],
    ['"diffusion policy" -survey', ids(1, 7)],
    ['diffusion -"action diffusion"', ids(2, 7)],
    ['robot manipulation', ids(3)],
    ['robot', ids(1, 3, 7)],
    ['robotics', ids(1, 3, 7)],
    ['transformer', ids(4)],
    ['transform', ids(5)],
    ['rob*', ids(1, 3, 7)],
    ['diffusion cat:cs.RO', ids(7)],
    ['diffusion cs.RO cs.LG', ids(1, 2, 7)],
    ['cat:cs.LG -cat:stat.ML', ids(1, 2, 5, 6)],
    ['author:lovelace -robot*', ids(2, 4, 5)],
    ['schölkopf', ids(6)],
    ['scholkopf', ids(6)],
    ['"state of the art"', ids(6)],
    ['title:learning', ids(1, 4, 6)],
  ])('%s matches what searching it finds on its day', (query, expected) => {
    expect(watch(small, query)).toEqual(expected);
    expect(search(small, query)).toEqual(expected);
  });

  it.each(['learning', 'neural network*', '"neural networks" -deep', 'Horváth', 'author:wang', 'optim* cs.LG', 'the'])(
    '%s matches on the realistic day exactly what searching it finds',
    (query) => {
      const found = watch(day, query);
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(search(day, query));
    },
  );

  it('matches nothing when its stored query no longer reads, and the others as usual', () => {
    const papers = getDayPapers(small.context.db, DAY, new Map());
    const found = matchWatches(
      small.context.db,
      [
        { slug: 'old', query: 'a*' },
        { slug: 'robot', query: 'robot' },
      ],
      papers,
    );
    expect(found.get('old')).toEqual([]);
    expect([...found.get('robot')!].sort()).toEqual(ids(1, 3, 7));
  });
});

describe("a window's matches", () => {
  it('are computed once for the same watches and papers, and again when either changes', () => {
    const { db } = small.context;
    const papers = getDayPapers(db, DAY, new Map());
    const watches = [{ slug: 'robot', query: 'robot' }];
    const first = findWatchMatches(db, watches, papers);
    // Every page and feed of the window gets the answer already found, not a new search.
    expect(findWatchMatches(db, [...watches], [...papers])).toBe(first);
    const edited = papers.map((p) => (p.id === '2611.00002' ? { ...p, title: `${p.title} for robots` } : p));
    const again = findWatchMatches(db, watches, edited);
    expect(again).not.toBe(first);
    expect([...again.get('robot')!].sort()).toEqual(ids(1, 2, 3, 7));
    expect(findWatchMatches(db, [{ slug: 'robot', query: 'robot -legged' }], papers).get('robot')).toEqual(
      first.get('robot')!.filter((id) => id !== '2611.00007'),
    );
  });
});
