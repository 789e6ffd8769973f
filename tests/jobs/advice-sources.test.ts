// The blogs, the popularity counts and the reading list against fake servers on loopback: RSS, Atom
// and JSON Feed, conditional GET, 404, 429 with Retry-After, wrong content and slow answers, each a
// problem of its own that stops nothing else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebClient } from '../../src/app/web-client.ts';
import { runRoundParts, type PartName } from '../../src/jobs/round.ts';
import { listPopularPapers } from '../../src/store/read/popularity.ts';
import { getAbstracts } from '../../src/store/read/reading.ts';
import { getDayItems, listItems } from '../../src/store/read/source-items.ts';
import { getLastFetchRun } from '../../src/store/read/runs.ts';
import { readFixture, replyHtmlPage, replyStatus, replyText } from '../support/fake-arxiv.ts';
import { replySlow, writtenFixture } from '../support/fake-sources.ts';
import { createArxivWorld, type ArxivWorld } from './world.ts';

const NOW = '2026-04-28T04:40:00Z';
const DAY = '2026-04-28';
let world: ArxivWorld;
let dir: string;
afterEach(async () => {
  await world?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function createWorld(env: NodeJS.ProcessEnv = {}): Promise<ArxivWorld> {
  dir = mkdtempSync(join(tmpdir(), 'advice-sources-'));
  world = await createArxivWorld(NOW, env);
  return world;
}

function writeFeeds(feeds: { id: string; title: string; path: string }[]): string {
  const path = join(dir, 'feeds.json');
  const list = feeds.map((feed) => ({ id: feed.id, title: feed.title, url: `${world.arxiv.url}${feed.path}` }));
  writeFileSync(path, JSON.stringify({ feeds: list }));
  return path;
}

async function runParts(parts: PartName[], config: Partial<ArxivWorld['context']['config']> = {}, web = world.http) {
  const context = { ...world.context, config: { ...world.context.config, ...config } };
  return runRoundParts(context, { arxiv: world.http, web }, { holidays: new Set(), parts });
}

describe('the blogs', () => {
  it('stores new posts of every readable feed under the day, and names each feed that cannot be read', async () => {
    await createWorld();
    const feedsPath = writeFeeds([
      { id: 'karpathy', title: 'Andrej Karpathy blog', path: '/karpathy/feed.xml' },
      { id: 'greydanus', title: 'Sam Greydanus', path: '/greydanus/feed.xml' },
      { id: 'json', title: 'JSON blog', path: '/json/feed.json' },
      { id: 'gone', title: 'Gone blog', path: '/gone/feed.xml' },
      { id: 'moved', title: 'Moved blog', path: '/moved/feed.xml' },
    ]);
    world.arxiv.on(
      '/karpathy/feed.xml',
      replyText(writtenFixture('blog-rss2-karpathy.xml'), { headers: { etag: '"k1"' } }),
    );
    world.arxiv.on('/greydanus/feed.xml', replyText(writtenFixture('blog-atom-greydanus.xml')));
    world.arxiv.on('/json/feed.json', replyText(writtenFixture('blog-jsonfeed.json')));
    world.arxiv.on('/gone/feed.xml', replyStatus(404));
    world.arxiv.on('/moved/feed.xml', replyHtmlPage());
    const [blogs] = await runParts(['blogs'], { feedsPath });
    expect(blogs).toMatchObject({ part: 'blogs', ok: true, summary: '3 of 5 feeds read, 3 new posts' });
    expect(blogs!.problems).toEqual([
      expect.stringMatching(/^Gone blog: http:\/\/127\.0\.0\.1:\d+\/gone\/feed\.xml: HTTP 404/),
      expect.stringMatching(/^Moved blog: .*\/moved\/feed\.xml: not an RSS, Atom or JSON feed/),
    ]);
    // New this week: listed under the day; older posts go to the archive only.
    expect(getDayItems(world.context.db, DAY).map((item) => [item.feedId, item.title])).toEqual([
      ['karpathy', 'A Recipe for Training Neural Networks, again'],
      ['greydanus', 'Hamiltonian Neural Networks < 100 lines & a pendulum'],
      ['json', 'Attention, from scratch'],
    ]);
    expect(listItems(world.context.db, -1)).toHaveLength(5);
    // The fetch log keeps them apart from arXiv's requests.
    expect(getLastFetchRun(world.context.db)).toBeUndefined();
    expect(getLastFetchRun(world.context.db, 'blogs')).toMatchObject({
      error: expect.stringContaining('/moved/feed.xml'),
    });
  });

  it('asks again conditionally, and a post is new only once', async () => {
    await createWorld();
    const feedsPath = writeFeeds([{ id: 'karpathy', title: 'K', path: '/k.xml' }]);
    const body = writtenFixture('blog-rss2-karpathy.xml');
    world.arxiv.on('/k.xml', (req, res) =>
      req.headers['if-none-match'] === '"k1"'
        ? void res.writeHead(304).end()
        : replyText(body, { headers: { etag: '"k1"' } })(req, res),
    );
    await runParts(['blogs'], { feedsPath });
    world.setNow('2026-04-29T04:40:00Z');
    const [second] = await runParts(['blogs'], { feedsPath });
    expect(world.arxiv.requests[1]!.headers['if-none-match']).toBe('"k1"');
    expect(second!.summary).toBe('1 of 1 feeds read, 0 new posts');
    expect(getDayItems(world.context.db, '2026-04-29')).toEqual([]);
  });

  it('gives up on a slow feed within its deadline, waits as a 429 asks, and reads the others', async () => {
    await createWorld();
    const feedsPath = writeFeeds([
      { id: 'slow', title: 'Slow blog', path: '/slow.xml' },
      { id: 'busy', title: 'Busy blog', path: '/busy.xml' },
    ]);
    world.arxiv.on('/slow.xml', replySlow(writtenFixture('blog-rss2-karpathy.xml'), 2_000));
    world.arxiv.on(
      '/busy.xml',
      replyStatus(429, { retryAfter: 5 }),
      replyText(writtenFixture('blog-atom-greydanus.xml')),
    );
    const waits: number[] = [];
    const web = createWebClient(world.context.config, {
      sleep: async (ms) => void waits.push(ms),
      overrides: { deadlineMs: 200, bodyTimeoutMs: 200, maxAttempts: 2 },
    });
    const [blogs] = await runParts(['blogs'], { feedsPath }, web);
    await web.close();
    expect(blogs!.problems).toEqual([
      expect.stringMatching(/^Slow blog: .*slow\.xml: .*(deadline|timed out|timeout)/i),
    ]);
    expect(waits).toContain(5000);
    expect(getDayItems(world.context.db, DAY).map((item) => item.feedId)).toEqual(['busy']);
  });

  it('reports a broken feeds.json as the part’s failure, naming the file', async () => {
    await createWorld();
    const feedsPath = join(dir, 'feeds.json');
    writeFileSync(feedsPath, '{"feeds": [{"id": "x", "title": "X", "url": "ftp://x"}]}');
    const [blogs] = await runParts(['blogs'], { feedsPath });
    expect(blogs).toMatchObject({ ok: false, failed: `${feedsPath}: $.feeds[0].url: "ftp://x" is not an http(s) URL` });
  });
});

describe('the popularity counts', () => {
  const HF = '/hf/api/daily_papers';

  it('reads the week’s lists once, today’s and yesterday’s again each round, and keeps the counts', async () => {
    await createWorld({ CURATOR_POPULARITY: 'on' });
    const dates: string[] = [];
    world.arxiv.on(HF, (req, res) => {
      const date = new URL(req.url!, 'http://x').searchParams.get('date')!;
      dates.push(date);
      const other = `[{"paper": {"id": "2604.0${date.slice(-2)}01", "title": "Older", "upvotes": 1}}]`;
      replyText(date === '2026-04-28' ? writtenFixture('hf-daily-papers-2026-04-28.json') : other)(req, res);
    });
    const [first] = await runParts(['popularity']);
    expect(first).toMatchObject({ ok: true, summary: '7 daily lists read, 8 papers counted' });
    expect(dates).toEqual([
      '2026-04-22',
      '2026-04-23',
      '2026-04-24',
      '2026-04-25',
      '2026-04-26',
      '2026-04-27',
      '2026-04-28',
    ]);
    expect(
      listPopularPapers(world.context.db, '2026-04-22', '2026-04-28', 2).map((p) => [p.paperId, p.upvotes]),
    ).toEqual([
      ['2604.99999', 300],
      ['2604.11852', 120],
    ]);
    dates.length = 0;
    await runParts(['popularity']);
    // Only the lists that may still change: yesterday's and today's.
    expect(dates).toEqual(['2026-04-27', '2026-04-28']);
  });

  it('stops at a failure (wrong content) without touching the rest, and does nothing when off', async () => {
    await createWorld({ CURATOR_POPULARITY: 'on' });
    world.arxiv.on(HF, replyText('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } }));
    const [part] = await runParts(['popularity']);
    expect(part).toMatchObject({ ok: false, failed: expect.stringContaining('not JSON') as unknown });
    expect(world.arxiv.requests).toHaveLength(1);
    const [off] = await runParts(['popularity'], { popularity: false });
    expect(off).toMatchObject({ ok: true, summary: 'off (CURATOR_POPULARITY=off)' });
    expect(world.arxiv.requests).toHaveLength(1);
  });
});

describe('the reading list', () => {
  it('fetches the abstracts it lacks once, in one id_list request, and never again', async () => {
    await createWorld();
    const readingListPath = fileURLToPath(new URL('../../config/reading-list.json', import.meta.url));
    const fixture = readFixture('api-query-id_list-0808.05394_1707.08567-one-invalid-2026-04-12.xml');
    const entry = /<entry>[\s\S]*?<\/entry>/.exec(fixture)![0];
    const oldId = /abs\/([\d.]+)v/.exec(entry)![1]!;
    const ids = ['1308.0850', '1410.5401', '1312.5602', '1406.2661'];
    const body = fixture.replace(/<entry>[\s\S]*<\/entry>/, ids.map((id) => entry.replaceAll(oldId, id)).join('\n'));
    world.arxiv.on('/api/query', replyText(body));
    const [first] = await runParts(['reading-list'], { readingListPath });
    expect(first).toMatchObject({ ok: true, summary: '4 abstracts fetched', problems: [] });
    expect(new URL(world.arxiv.requests[0]!.path, 'http://x').searchParams.get('id_list')).toBe(ids.join(','));
    expect([...getAbstracts(world.context.db, ids).keys()]).toEqual(ids);
    const [second] = await runParts(['reading-list'], { readingListPath });
    expect(second).toMatchObject({ summary: 'all 4 abstracts stored' });
    expect(world.arxiv.requests).toHaveLength(1);
  });
});
