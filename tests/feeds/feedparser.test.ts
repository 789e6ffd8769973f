// The feeds as a real feed reader sees them: Debian's python3-feedparser must parse them with
// bozo == 0, xmllint must accept them, and guids must survive a second fetch run unchanged.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import type { PaperRecord } from '../../src/types.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';

const PYTHON = '/usr/bin/python3';
const hasFeedparser = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import feedparser']).status === 0;
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
// In CI (.ci/run installs them) a missing tool must fail the run, not skip it.
const requireTools = process.env.CI === 'true';

const READ_FEED = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": d.bozo, "error": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"), "self": [l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "self"],
  "items": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "published": e.get("published"),
             "summary": e.get("summary", ""), "content": [c.get("value") for c in e.get("content", [])]} for e in d.entries]}))
`;

interface ReadFeed {
  bozo: number | boolean;
  error: string;
  version: string;
  self: string[];
  items: { id: string; title: string; link: string; published: string; summary: string; content: string[] }[];
}

function readWithFeedparser(xml: string): ReadFeed {
  return JSON.parse(execFileSync(PYTHON, ['-c', READ_FEED], { input: xml, encoding: 'utf8' })) as ReadFeed;
}

const HOSTILE = '<script>alert(1)</script> & ]]> "q" \u0001 $\\alpha < \\beta$';
let world: TestWorld;
const dayOne = (): PaperRecord[] => [
  makePaper({
    id: '2609.26820',
    title: `Star paper ${HOSTILE}`,
    authors: ['Ada Lovelace', 'Y. Bengio'],
    abstract: `Abstract ${HOSTILE}`,
  }),
  makePaper({ id: '2609.26821', title: 'Hinton paper', authors: ['Geoffrey E. Hinton'] }),
  makePaper({ id: '2609.26811', title: 'Unstarred', authors: ['Fabien Polly'] }),
];

beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-09-23', dayOne());
  storeSourceItems(
    world.context.db,
    [
      {
        id: 'https://blog.example/p?a=1&b=2',
        title: `Post ${HOSTILE}`,
        url: 'https://blog.example/p?a=1&b=2',
        summary: HOSTILE,
      },
    ],
    { feedId: 'karpathy', feedTitle: 'Karpathy & co', day: '2026-09-23', now: '2026-09-23T05:00:00Z' },
  );
});
afterEach(() => world.close());

describe.skipIf(!hasFeedparser && !requireTools)('feeds read by python3-feedparser', () => {
  const FEEDS = [
    '/rss.xml',
    '/rss/daily.xml',
    '/authors/yoshua-bengio.xml',
    '/authors/geoffrey-hinton.xml',
    '/blogs.xml',
  ];

  it.each(FEEDS)('%s parses with bozo == 0 as RSS 2.0', async (path) => {
    const app = createApp({ context: world.context, holidays: new Set() });
    const feed = readWithFeedparser(await (await app.request(path)).text());
    expect(feed.error).toBe('');
    expect(feed.bozo).toBeFalsy();
    expect(feed.version).toBe('rss20');
    expect(feed.self).toEqual([`http://127.0.0.1:3000${path}`]);
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it('/rss.xml lists only starred papers, titled with the starred names, hostile text intact', async () => {
    const app = createApp({ context: world.context, holidays: new Set() });
    const feed = readWithFeedparser(await (await app.request('/rss.xml')).text());
    expect(feed.items.map((item) => item.id).sort()).toEqual(['arxiv:2609.26820v1', 'arxiv:2609.26821v1']);
    const star = feed.items.find((item) => item.id === 'arxiv:2609.26820v1')!;
    // The formula reads as Unicode: feed readers show no MathML, and `$\alpha$` is no title.
    expect(star.title).toBe(
      `[Yoshua Bengio] Star paper ${HOSTILE.replace('\u0001', '').replace('$\\alpha < \\beta$', 'α < β')}`,
    );
    expect(star.link).toBe('https://arxiv.org/abs/2609.26820');
    expect(star.summary).toContain('Ada Lovelace, Y. Bengio');
    expect(star.summary).not.toContain('<script>');
  });

  it('reads TeX as Unicode in titles and descriptions, old font switches as their text', async () => {
    world.ingestDay('2026-09-24', [
      makePaper({
        id: '2609.30001',
        title: '$\\ell_1$-Regularized {\\em Sparse} Models in $\\mathbb{R}^d$',
        authors: ['Y. Bengio', "G\\'abor Melis"],
        abstract: 'We reach $O(n \\log n)$ time and $\\tilde{O}(\\sqrt{T})$ regret for {\\bf all} $\\alpha$.',
      }),
    ]);
    const app = createApp({ context: world.context, holidays: new Set() });
    const starred = readWithFeedparser(await (await app.request('/rss.xml')).text());
    const item = starred.items.find((candidate) => candidate.id === 'arxiv:2609.30001v1')!;
    expect(item.title).toBe('[Yoshua Bengio] ℓ₁-Regularized Sparse Models in ℝᵈ');
    expect(item.summary).toContain('Y. Bengio, Gábor Melis');
    expect(item.summary).toContain('We reach O(n log n) time and Õ(√T) regret for all α.');
    const daily = readWithFeedparser(await (await app.request('/rss/daily.xml')).text());
    const day = daily.items.find((candidate) => candidate.content.join('').includes('2609.30001'))!;
    expect(day.content.join('')).toContain('ℓ₁-Regularized Sparse Models in ℝᵈ');
    for (const text of [item.title, item.summary, day.content.join('')]) expect(text).not.toMatch(/\$|\\em|\\ell/);
  });

  it('guids do not change between two fetch runs, newest announcement first', async () => {
    const app = createApp({ context: world.context, holidays: new Set() });
    const before = readWithFeedparser(await (await app.request('/rss.xml')).text()).items.map((item) => item.id);
    // The next run: the same feed again (re-fetch), then a new day repeating a starred paper as a replacement.
    world.ingestDay('2026-09-23', dayOne(), '2026-09-23T09:00:00Z');
    const again = readWithFeedparser(await (await app.request('/rss.xml')).text()).items.map((item) => item.id);
    expect(again).toEqual(before);
    world.ingestDay('2026-09-24', [
      makePaper({
        id: '2609.26821',
        version: 2,
        title: 'Hinton paper v2',
        authors: ['Geoffrey E. Hinton'],
        announceType: 'replace',
      }),
    ]);
    const after = readWithFeedparser(await (await app.request('/rss.xml')).text());
    expect(after.items[0]!.id).toBe('arxiv:2609.26821v2');
    expect(after.items.map((item) => item.id)).toEqual(
      expect.arrayContaining(before.filter((id) => id !== 'arxiv:2609.26821v1')),
    );
    // The announcement day at midnight in New York (EDT in September), as arXiv dates it.
    expect(after.items[0]!.published).toBe('Thu, 24 Sep 2026 00:00:00 -0400');
  });

  it('/blogs.xml keeps each post’s own link and its hostile title as text', async () => {
    const app = createApp({ context: world.context, holidays: new Set() });
    const feed = readWithFeedparser(await (await app.request('/blogs.xml')).text());
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      id: 'arxiv-curator:blogs/karpathy/https://blog.example/p?a=1&b=2',
      link: 'https://blog.example/p?a=1&b=2',
      published: 'Wed, 23 Sep 2026 05:00:00 +0000',
    });
    expect(feed.items[0]!.title).toContain('[Karpathy & co] Post <script>alert(1)</script>');
  });

  it("/rss/daily.xml carries each day's digest as HTML content", async () => {
    world.ingestDay('2026-09-24', [makePaper({ title: 'Second day' })]);
    const app = createApp({ context: world.context, holidays: new Set() });
    const feed = readWithFeedparser(await (await app.request('/rss/daily.xml')).text());
    expect(feed.items.map((item) => item.id)).toEqual(['arxiv-digest:2026-09-24', 'arxiv-digest:2026-09-23']);
    const html = feed.items[1]!.content[0]!;
    expect(html).toContain('Starred authors (2)');
    expect(html).toContain('href="https://arxiv.org/abs/2609.26820"');
  });
});

describe.skipIf(!hasXmllint && !requireTools)('feeds are well-formed for xmllint', () => {
  it.each(['/rss.xml', '/rss/daily.xml', '/authors/yoshua-bengio.xml', '/feeds.opml', '/blogs.xml'])(
    '%s passes xmllint --noout',
    async (path) => {
      const app = createApp({ context: world.context, holidays: new Set() });
      const xml = await (await app.request(path)).text();
      const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );
});
