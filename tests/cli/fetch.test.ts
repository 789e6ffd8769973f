import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVersion } from '../../src/config.ts';
import { buildFullRssDay } from '../support/big-feed.ts';
import { dumpData, makeTempDb, runCli, spawnCli, startCli } from '../support/cli.ts';
import {
  readFixture,
  replyBytes,
  replyFixture,
  replyHtmlPage,
  replyStall,
  replyStatus,
  replyText,
  replyTruncated,
  startFakeArxiv,
  type FakeArxiv,
} from '../support/fake-arxiv.ts';
import { buildApiAtom, writtenFixture } from '../support/fake-sources.ts';

const FEED_PATH = '/rss/cs.LG+cs.NE+stat.ML';
const RSS = 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml';
const validators = { etag: '"feed-2026-09-24"', lastModified: 'Thu, 24 Sep 2026 08:58:05 GMT' };

let arxiv: FakeArxiv;
let temp: ReturnType<typeof makeTempDb>;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  arxiv = await startFakeArxiv();
  temp = makeTempDb();
  env = {
    CURATOR_DB: temp.db,
    ARXIV_RSS_BASE: `${arxiv.url}/rss/`,
    ARXIV_MIN_INTERVAL_MS: '50',
    CURATOR_CONTACT: 'mailto:me@example.org',
  };
});
afterEach(async () => {
  await arxiv.close();
  temp.cleanup();
});

describe('fetch', () => {
  it('requests the combined feed once, stores the day, then asks conditionally and handles 304', async () => {
    arxiv.on(FEED_PATH, replyFixture(RSS, validators));
    const first = await runCli(['fetch'], env);
    expect(first).toMatchObject({ code: 0, stdout: '2026-09-24: 4 papers (new 2, cross 1, replace 1)\n' });
    expect(arxiv.requests).toHaveLength(1);
    expect(arxiv.requests[0]!.headers['user-agent']).toBe(`arxiv-curator/${readVersion()} (+mailto:me@example.org)`);
    expect(arxiv.requests[0]!.headers['if-none-match']).toBeUndefined();
    const stored = dumpData(temp.db);

    const second = await runCli(['fetch'], env);
    expect(second).toMatchObject({ code: 0, stdout: `${arxiv.url}${FEED_PATH}: not modified since the last fetch\n` });
    expect(arxiv.requests[1]!.headers['if-none-match']).toBe(validators.etag);
    expect(arxiv.requests[1]!.headers['if-modified-since']).toBe(validators.lastModified);
    expect(dumpData(temp.db)).toEqual(stored);
  });

  it('stores a full-size day of 2,000 items in one request', async () => {
    arxiv.on(FEED_PATH, replyText(buildFullRssDay(2000), { gzip: true }));
    const result = await runCli(['fetch'], env);
    expect(result).toMatchObject({ code: 0, stdout: '2026-09-24: 2000 papers (new 900, cross 300, replace 800)\n' });
    expect(arxiv.requests).toHaveLength(1);
    const digest = JSON.parse((await runCli(['digest', '--format', 'json'], env)).stdout) as {
      papers: { id: string }[];
    };
    expect(new Set(digest.papers.map((paper) => paper.id)).size).toBe(2000);
  });

  it('says "no announcement" for an empty weekend feed', async () => {
    arxiv.on(FEED_PATH, replyFixture('rss2-cs-EMPTY-sunday-2026-03-29.xml'));
    expect(await runCli(['fetch'], env)).toMatchObject({
      code: 0,
      stdout: '2026-03-29: no announcement (empty feed)\n',
    });
  });

  it('with default settings spaces its requests >= 3 s apart and sends the User-Agent', async () => {
    arxiv.on(FEED_PATH, replyStatus(503, { retryAfter: 0 }), replyFixture(RSS));
    const { ARXIV_MIN_INTERVAL_MS: _, ...defaults } = env;
    const result = await spawnCli(['fetch'], defaults);
    expect(result.stdout).toBe('2026-09-24: 4 papers (new 2, cross 1, replace 1)\n');
    expect(arxiv.requests).toHaveLength(2);
    expect(arxiv.requests[1]!.at - arxiv.requests[0]!.at).toBeGreaterThanOrEqual(3000);
    for (const request of arxiv.requests)
      expect(request.headers['user-agent']).toMatch(/^arxiv-curator\/\d+\.\d+\.\d+ \(\+mailto:me@example\.org\)$/);
  }, 30_000);
});

describe('fetch stopped by a signal', () => {
  it('records the run as interrupted, not as a failure of arXiv, and exits 130', async () => {
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    arxiv.on(FEED_PATH, (req, res) => (asked(), replyStall()(req, res)));
    const fetching = startCli(['fetch'], env);
    await requested;
    fetching.kill('SIGTERM');
    expect(await fetching.done).toMatchObject({
      code: 130,
      stderr: 'arxiv-curator: fetch interrupted (SIGTERM received)\n',
    });
    const db = new Database(temp.db, { readonly: true });
    try {
      const run = db.prepare('SELECT finished_at IS NOT NULL AS finished, error FROM fetch_runs').get();
      expect(run).toEqual({ finished: 1, error: 'interrupted (SIGTERM received)' });
    } finally {
      db.close();
    }
  });
});

const rss = readFixture(RSS);
const badResponses: [string, () => ReturnType<typeof replyText>, RegExp][] = [
  ['an HTML error page served as 200', () => replyHtmlPage(200), /HTML/],
  ['an empty body', () => replyText(''), /empty/i],
  [
    'a feed of the wrong kind',
    () => replyFixture('api-query-id_list-0000.0000-empty-2026-04-12.xml'),
    /not .*RSS|no announcement day|API/i,
  ],
  ['a body over the size cap (gzip bomb)', () => replyBytes(60 * 1024 * 1024, { gzip: true }), /larger than/i],
  [
    "arXiv's RSS error feed (HTTP 400)",
    () => replyText(feedError, { status: 400 }),
    /HTTP 400.*Invalid category: cs\.XX/,
  ],
  ['a truncated body', () => replyTruncated(rss, 2000), /ended early|truncated/i],
];
const feedError = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed error for query: cs.XX</title><link>https://rss.arxiv.org/rss/cs.XX</link><description>Invalid category: cs.XX</description></channel></rss>`;

describe('fetch refuses bad responses, leaving the papers as they were', () => {
  it.each(badResponses)(
    '%s',
    async (_name, reply, reason) => {
      arxiv.on(FEED_PATH, replyFixture('rss2-cs.LG-2026-04-27-trimmed-3items.xml'));
      await runCli(['fetch'], env);
      const before = dumpData(temp.db);
      arxiv.on(FEED_PATH, reply());
      // Retries (of the truncated body) wait for nothing: the backoff itself is the HTTP client's test.
      const result = await runCli(['fetch'], env, async () => {});
      expect(result.code).not.toBe(0);
      expect(result.stderr.split('\n')).toEqual([
        expect.stringContaining(`arxiv-curator: ${arxiv.url}${FEED_PATH}: `),
        '',
      ]);
      expect(result.stderr).toMatch(reason);
      expect(dumpData(temp.db)).toEqual(before);
    },
    60_000,
  );
});

describe('fetch does the whole daily round', () => {
  function roundEnv(): NodeJS.ProcessEnv {
    const authors = join(temp.dir, 'authors.json');
    writeFileSync(authors, JSON.stringify({ authors: [{ id: 'geoffrey-hinton', name: 'Geoffrey Hinton' }] }));
    const feeds = join(temp.dir, 'feeds.json');
    const list = [
      { id: 'karpathy', title: 'Karpathy', url: `${arxiv.url}/blog/feed.xml` },
      { id: 'distill', title: 'Distill', url: `${arxiv.url}/distill/rss.xml` },
    ];
    writeFileSync(feeds, JSON.stringify({ feeds: list }));
    const reading = join(temp.dir, 'reading.json');
    writeFileSync(
      reading,
      JSON.stringify({ entries: [{ id: 'gan', title: 'GAN', authors: ['I. G'], why: 'w', arxiv: '1406.2661' }] }),
    );
    return {
      ...env,
      ARXIV_API_URL: `${arxiv.url}/api/query`,
      ARXIV_AUTHOR_URL: `${arxiv.url}/a/`,
      HF_PAPERS_URL: `${arxiv.url}/hf`,
      CURATOR_NOW: '2026-04-28T04:40:00Z',
      CURATOR_AUTHORS: authors,
      CURATOR_FEEDS: feeds,
      CURATOR_READING_LIST: reading,
      CURATOR_AUTHOR_UPLOADS: 'on',
      CURATOR_POPULARITY: 'on',
    };
  }

  function scriptSources(): void {
    arxiv.on('/api/query', (req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams;
      if (query.get('id_list') === null) return void replyText(buildApiAtom([]))(req, res);
      replyText(
        buildApiAtom([
          {
            id: '1406.2661',
            title: 'GAN',
            authors: ['Ian Goodfellow'],
            primary: 'stat.ML',
            published: '2014-06-10T18:58:17Z',
          },
        ]),
      )(req, res);
    });
    arxiv.on('/blog/feed.xml', replyText(writtenFixture('blog-rss2-karpathy.xml')));
    arxiv.on('/distill/rss.xml', replyStatus(404));
    arxiv.on('/hf', replyText('[]'));
  }

  it('feed, starred authors, reading list, blogs and popularity, a line each, a feed that cannot be read a warning', async () => {
    scriptSources();
    arxiv.on(FEED_PATH, replyFixture(RSS, validators));
    const result = await runCli(['fetch'], roundEnv(), async () => {});
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      '2026-09-24: 4 papers (new 2, cross 1, replace 1)',
      'starred authors: 1 starred author checked, no new paper',
      'reading list: 1 abstract fetched',
      'blogs: 1 of 2 feeds read, 1 new post',
      'popularity: 7 daily lists read, 0 papers counted',
      '',
    ]);
    expect(result.stderr).toMatch(
      /^arxiv-curator: warning: blogs: Distill: http:\/\/127\.0\.0\.1:\d+\/distill\/rss\.xml: HTTP 404/,
    );
  });

  it('still runs the other parts when the feed fails, then exits non-zero with the feed’s reason', async () => {
    scriptSources();
    arxiv.on(FEED_PATH, replyStatus(500));
    const result = await runCli(['fetch'], roundEnv(), async () => {});
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('blogs: 1 of 2 feeds read, 1 new post');
    expect(result.stderr.trim().split('\n').at(-1)).toContain(`arxiv-curator: ${arxiv.url}${FEED_PATH}: HTTP 500`);
    // The blog post is stored although the feed failed: the day's page will list it.
    const db = new Database(temp.db, { readonly: true });
    expect(db.prepare(`SELECT title FROM source_items WHERE day = '2026-04-28'`).pluck().all()).toEqual([
      'A Recipe for Training Neural Networks, again',
    ]);
    db.close();
  });

  it('refuses a broken feeds.json before fetching anything, with exit code 2', async () => {
    const broken = join(temp.dir, 'feeds-broken.json');
    writeFileSync(broken, '{"feeds": [{"id": "x", "title": "X"}]}');
    const result = await runCli(['fetch'], { ...env, CURATOR_FEEDS: broken });
    expect(result).toMatchObject({ code: 2, stderr: `arxiv-curator: ${broken}: $.feeds[0].url: missing or empty\n` });
    expect(arxiv.requests).toHaveLength(0);
  });
});
