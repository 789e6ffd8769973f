// The starred authors' uploads against a fake arXiv on loopback: au: queries through the one polite
// client, only the matcher's papers, only recent ones, stored as announced on the round's day; the
// author's own Atom feed where config/authors.json names an arXiv identifier.
import { afterEach, describe, expect, it } from 'vitest';
import { createArxivClient } from '../../src/app/arxiv-client.ts';
import { fetchAuthorUploads, MAX_AUTHOR_REQUESTS } from '../../src/jobs/author-uploads.ts';
import { runRoundParts } from '../../src/jobs/round.ts';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { listRoundParts } from '../../src/store/read/round-parts.ts';
import type { StarredAuthor } from '../../src/types.ts';
import { replyStatus, replyText, type Reply } from '../support/fake-arxiv.ts';
import { buildApiAtom, writtenFixture } from '../support/fake-sources.ts';
import { createArxivWorld, storedDays, type ArxivWorld } from './world.ts';

const NOW = '2026-04-28T04:40:00Z'; // Tuesday 00:40 in New York: the round's day is 2026-04-28
const DAY = '2026-04-28';
const HINTON: StarredAuthor = {
  id: 'geoffrey-hinton',
  name: 'Geoffrey Hinton',
  variants: ['Geoffrey E. Hinton'],
  not: [],
};
const BENGIO: StarredAuthor = { id: 'yoshua-bengio', name: 'Yoshua Bengio', variants: [], not: ['Samy Bengio'] };
const ON = { CURATOR_AUTHOR_UPLOADS: 'on' };
const noWait = async () => {};

let world: ArxivWorld;
afterEach(async () => world?.dispose());

async function createWorld(authors: StarredAuthor[]): Promise<ArxivWorld> {
  world = await createArxivWorld(NOW, ON, { authors, realMatcher: true });
  return world;
}

const hintonAnswer = buildApiAtom([
  {
    id: '2604.30001',
    title: 'Forward-forward in cortex',
    authors: ['Geoff Hinton', 'Ada Example'],
    primary: 'q-bio.NC',
    published: '2026-04-27T15:00:00Z',
  },
  {
    id: '2604.30002',
    title: 'A namesake',
    authors: ['Gerald Hinton'],
    primary: 'cs.LG',
    published: '2026-04-27T15:00:00Z',
  },
  {
    id: '2212.13345',
    title: 'An old paper',
    authors: ['Geoffrey Hinton'],
    primary: 'cs.LG',
    published: '2022-12-27T19:17:10Z',
  },
]);

describe('fetchAuthorUploads', () => {
  it('asks for each author by name, newest first, and stores only their recent papers, as a cross-list of the day', async () => {
    await createWorld([HINTON, BENGIO]);
    const queries: URLSearchParams[] = [];
    const api: Reply = (req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams;
      queries.push(query);
      const answer = query.get('search_query')!.includes('Hinton') ? hintonAnswer : buildApiAtom([]);
      replyText(answer)(req, res);
    };
    world.arxiv.on('/api/query', api);
    const report = await fetchAuthorUploads(world.context, world.http, { day: DAY });
    expect(report).toEqual({ summary: '2 starred authors checked, new papers: Geoffrey Hinton 1', problems: [] });
    expect(queries.map((query) => query.get('search_query')).sort()).toEqual([
      'au:"Geoffrey Hinton" OR au:"Geoffrey E. Hinton"',
      'au:"Yoshua Bengio"',
    ]);
    expect(queries[0]!.get('sortBy')).toBe('submittedDate');
    expect(queries[0]!.get('sortOrder')).toBe('descending');
    expect(Number(queries[0]!.get('max_results'))).toBeLessThanOrEqual(10);
    expect(world.arxiv.maxInFlight).toBe(1);
    const [paper, ...others] = getDayPapers(world.context.db, DAY, new Map([['geoffrey-hinton', 'Geoffrey Hinton']]));
    expect(others).toEqual([]);
    expect(paper).toMatchObject({
      id: '2604.30001',
      announceType: 'cross',
      categories: ['q-bio.NC'],
      starred: [{ authorId: 'geoffrey-hinton', as: 'Geoff Hinton', confidence: 'likely' }],
    });
    // The day is not marked stored: its own feed is still to be fetched.
    expect(storedDays(world)).toEqual([]);
  });

  it('asks for 15 authors at most a round, the least recently checked first', async () => {
    const many = Array.from({ length: 17 }, (_, i) => ({
      id: `author-${String.fromCharCode(97 + i)}`,
      name: `Author ${String.fromCharCode(65 + i)}bcdef`,
      variants: [],
      not: [],
    }));
    await createWorld(many);
    world.arxiv.on('/api/query', replyText(buildApiAtom([])));
    await fetchAuthorUploads(world.context, world.http, { day: DAY });
    expect(world.arxiv.requests).toHaveLength(MAX_AUTHOR_REQUESTS);
    world.setNow('2026-04-29T04:40:00Z');
    await fetchAuthorUploads(world.context, world.http, { day: '2026-04-29' });
    const asked = world.arxiv.requests
      .slice(MAX_AUTHOR_REQUESTS)
      .map((r) => new URL(r.path, 'http://x').searchParams.get('search_query'));
    // The two left out yesterday come first today.
    expect(asked.slice(0, 2)).toEqual(['au:"Author Pbcdef"', 'au:"Author Qbcdef"']);
  });

  it('reads the author’s own arXiv feed where an identifier is set, and lets it confirm likely matches', async () => {
    await createWorld([{ ...HINTON, arxiv: 'hinton_g_1' }]);
    world.arxiv.on(
      '/a/hinton_g_1.atom',
      replyText(writtenFixture('arxiv-author-hinton_g_1.atom'), { headers: { etag: '"a1"' } }),
    );
    await fetchAuthorUploads(world.context, world.http, { day: DAY });
    expect(world.arxiv.requests.map((r) => r.path)).toEqual(['/a/hinton_g_1.atom']);
    const [paper] = getDayPapers(world.context.db, DAY, new Map([['geoffrey-hinton', 'Geoffrey Hinton']]));
    // "G. Hinton" alone is likely; his own arXiv feed lists the paper, so it is his.
    expect(paper).toMatchObject({ id: '2604.30001', starred: [{ as: 'G. Hinton', confidence: 'exact' }] });
    // Conditional the next day.
    world.arxiv.on('/a/hinton_g_1.atom', (req, res) =>
      req.headers['if-none-match'] === '"a1"' ? void res.writeHead(304).end() : replyStatus(500)(req, res),
    );
    world.setNow('2026-04-29T04:40:00Z');
    expect(await fetchAuthorUploads(world.context, world.http, { day: '2026-04-29' })).toMatchObject({ problems: [] });
  });

  it('waits as a 429 asks and tries again; a wrong identifier (404) is that author’s problem only', async () => {
    await createWorld([{ ...HINTON, arxiv: 'hinton_g_9' }, BENGIO]);
    const waits: number[] = [];
    const http = createArxivClient(world.context, { sleep: async (ms) => void waits.push(ms) });
    world.arxiv.on('/a/hinton_g_9.atom', replyStatus(404, { body: 'Author not found' }));
    world.arxiv.on('/api/query', replyStatus(429, { retryAfter: 7 }), replyText(buildApiAtom([])));
    const report = await fetchAuthorUploads(world.context, http, { day: DAY });
    await http.close();
    expect(waits).toContain(7000);
    expect(report.failed).toBeUndefined();
    expect(report.problems).toEqual([expect.stringMatching(/^Geoffrey Hinton: .*\/a\/hinton_g_9\.atom: HTTP 404/)]);
  });

  it('stops the part at the first unreachable arXiv, records it, and leaves the blogs and the feed alone', async () => {
    await createWorld([HINTON, BENGIO]);
    const unreachable = {
      ...world.context,
      config: { ...world.context.config, apiUrl: 'http://127.0.0.1:9/api/query' },
    };
    const http = createArxivClient(unreachable, { sleep: noWait });
    const outcomes = await runRoundParts(
      unreachable,
      { arxiv: http, web: world.http },
      { holidays: new Set(), parts: ['authors', 'blogs'] },
    );
    await http.close();
    expect(outcomes.map((o) => [o.part, o.ok])).toEqual([
      ['authors', false],
      ['blogs', true],
    ]);
    expect(outcomes[0]!.problems).toHaveLength(1);
    expect(listRoundParts(world.context.db).map((p) => [p.part, p.ok])).toEqual([
      ['authors', false],
      ['blogs', true],
    ]);
  });
});
