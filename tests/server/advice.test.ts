// The rest of the advice through the app: the day's blog posts in every output, /blogs.xml, search,
// /start with its read marks (a guarded POST), /top, and the round's problems on /healthz and the page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { composeDigestMail } from '../../src/mail/compose.ts';
import { renderDigestText } from '../../src/render/text.ts';
import { createApp } from '../../src/server.ts';
import { setReadMark } from '../../src/store/write/reading.ts';
import { storeDailyPapers } from '../../src/store/write/popularity.ts';
import { recordRoundPart } from '../../src/store/write/round-parts.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { loadDayDigest } from '../../src/views/day.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

const DAY = '2026-09-24';
const READING_LIST = fileURLToPath(new URL('../../config/reading-list.json', import.meta.url));
let world: TestWorld;
const HOLIDAYS = new Set<string>();

beforeEach(() => {
  world = createTestWorld({ env: { CURATOR_READING_LIST: READING_LIST, CURATOR_POPULARITY: 'on' } });
  world.ingestDay(DAY, [
    makePaper({ id: '2609.26820', title: 'Deep things by a star', authors: ['Ada Lovelace', 'Y. Bengio'] }),
    makePaper({ id: '2609.26821', title: 'An ordinary paper' }),
  ]);
  // A starred author's upload outside the curated categories, as the author-uploads part stores it.
  ingestFeed(
    world.context.db,
    {
      format: 'atom',
      papers: [
        makePaper({
          id: '2609.30001',
          title: 'Cortex',
          authors: ['Geoffrey Hinton'],
          categories: ['q-bio.NC'],
          announceType: undefined,
        }),
      ],
    },
    {
      source: 'authors',
      day: DAY,
      categories: world.context.config.categories,
      flags: world.context.starred.current(),
      now: `${DAY}T05:00:00Z`,
      firstSubmissions: true,
      storesDay: false,
    },
  );
  storeSourceItems(
    world.context.db,
    [
      {
        id: 'https://k.example/1',
        title: 'Yes you should understand <backprop> & more',
        url: 'https://k.example/1',
        summary: 'A post about gradients.',
        published: '2026-09-23T10:00:00Z',
      },
      { id: 'distill-2', title: 'Attention and augmented RNNs', summary: 'No link in its feed.' },
    ],
    { feedId: 'karpathy', feedTitle: 'Andrej Karpathy blog', day: DAY, now: `${DAY}T05:10:00Z` },
  );
});
afterEach(() => world.close());

const app = () => createApp({ context: world.context, holidays: HOLIDAYS });
const text = async (path: string) => (await app().request(path)).text();

describe('From the blogs, in every output of the day', () => {
  it('on the page, after the starred papers, escaped, and in the contents', async () => {
    const html = await text(`/digest/${DAY}`);
    const blogsAt = html.indexOf('<section id=blogs><h2>From the blogs (2)</h2>');
    expect(blogsAt).toBeGreaterThan(html.indexOf('Deep things by a star'));
    expect(blogsAt).toBeLessThan(html.indexOf('An ordinary paper'));
    expect(html).toContain('<a href=#blogs>From the blogs</a> 2');
    expect(html).toContain('Yes you should understand &lt;backprop&gt; &amp; more');
    expect(html).toContain('<div class=m>Andrej Karpathy blog · 2026-09-23</div>');
    // A post is no paper: no arXiv label next to it.
    expect(html.slice(blogsAt, html.indexOf('</section>', blogsAt))).not.toContain('arXiv:');
  });

  it('marks a starred author’s upload from outside the curated categories with its category', async () => {
    const html = await text(`/digest/${DAY}`);
    expect(html).toContain('★ Geoffrey Hinton (exact) · in q-bio.NC, outside the curated categories');
    const digest = loadDayDigest(world.context, HOLIDAYS, DAY).view;
    expect(renderDigestText(digest)).toContain('(in q-bio.NC, outside the curated categories)');
    // And on the author's page and in the author's feed.
    expect(await text('/authors/geoffrey-hinton')).toContain('Cortex');
    expect(await text('/authors/geoffrey-hinton.xml')).toContain('<category>q-bio.NC</category>');
  });

  it('in the text digest, the mail, the JSON and the daily feed', async () => {
    const digest = loadDayDigest(world.context, HOLIDAYS, DAY).view;
    const plain = renderDigestText(digest, { baseUrl: 'http://x' });
    expect(plain).toContain('From the blogs (2)\n-----------------');
    expect(plain).toContain('* Yes you should understand <backprop> & more\n  Andrej Karpathy blog, 2026-09-23');
    const mail = composeDigestMail(digest, { recipients: ['a@example.org'], baseUrl: 'http://x' }).html;
    expect(mail).toContain('From the blogs (2)');
    expect(mail).toContain('Yes you should understand &lt;backprop&gt; &amp; more');
    const json = JSON.parse(await text(`/digest/${DAY}.json`)) as { posts: { feed: string; title: string }[] };
    // Newest first: by the post's own date, else by when it was first seen.
    expect(json.posts.map((post) => post.title)).toEqual([
      'Attention and augmented RNNs',
      'Yes you should understand <backprop> & more',
    ]);
    const daily = await text('/rss/daily.xml');
    expect(daily).toContain('From the blogs (2)');
  });
});

describe('/blogs.xml and the OPML', () => {
  it('lists the posts newest first, each with its own link, a feed-scoped guid, escaped', async () => {
    const xml = await text('/blogs.xml');
    const items = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' }).parse(xml).rss.channel
      .item as Record<string, unknown>[];
    expect(items.map((item) => item['title'])).toEqual([
      '[Andrej Karpathy blog] Attention and augmented RNNs',
      '[Andrej Karpathy blog] Yes you should understand <backprop> & more',
    ]);
    expect(items[1]!['link']).toBe('https://k.example/1');
    expect(items[0]!['link']).toBeUndefined();
    expect(items[1]!['guid']).toBe('arxiv-curator:blogs/karpathy/https://k.example/1');
    expect(await text('/feeds.opml')).toContain('xmlUrl="http://127.0.0.1:3000/blogs.xml"');
  });
});

describe('search', () => {
  it('finds blog posts beside papers', async () => {
    const html = await text('/search?q=gradients');
    expect(html).toContain('<h2>From the blogs (1)</h2>');
    expect(html).toContain('Yes you should understand &lt;backprop&gt;');
  });
});

describe('/start', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };

  it('lists the reading list with why, links and stored abstracts, and the blogs’ archive', async () => {
    ingestFeed(
      world.context.db,
      {
        format: 'atom',
        papers: [
          makePaper({
            id: '1406.2661',
            title: 'Generative Adversarial Networks',
            abstract: 'We propose a new framework via an adversarial process.',
            announceType: undefined,
          }),
        ],
      },
      {
        source: 'reading-list',
        categories: world.context.config.categories,
        flags: world.context.starred.current(),
        now: 'x',
      },
    );
    const html = await text('/start');
    expect(html).toContain('<h3>Generative Adversarial Networks (2014)</h3>');
    expect(html).toContain('We propose a new framework via an adversarial process.');
    expect(html).toContain('href=https://arxiv.org/abs/1406.2661');
    expect(html).toContain('href=https://papers.nips.cc/paper_files/');
    expect(html).toContain('href=http://127.0.0.1:3000/authors/jason-yosinski');
    expect(html).toContain('0 of 6 read');
    expect(html).toContain('<h2 id=blogs>The blogs’ posts (2)</h2>');
  });

  it('marks an entry read and unread through a POST from this site, and refuses one from elsewhere', async () => {
    const marked = await app().request('/start/gan/read', { method: 'POST', headers: form, body: 'read=1' });
    expect(marked.status).toBe(303);
    expect(marked.headers.get('location')).toBe('http://127.0.0.1:3000/start#gan');
    expect(await text('/start')).toContain('1 of 6 read');
    await app().request('/start/gan/read', { method: 'POST', headers: form, body: 'read=0' });
    expect(await text('/start')).toContain('0 of 6 read');
    const forged = await app().request('/start/gan/read', {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example' },
      body: 'read=1',
    });
    expect(forged.status).toBe(403);
    expect((await app().request('/start/nope/read', { method: 'POST', headers: form, body: 'read=1' })).status).toBe(
      404,
    );
    expect(await text('/start')).toContain('0 of 6 read');
  });

  it('shows an edit of reading-list.json at once, and a broken file as a one-line reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reading-list-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'reading.json');
    const entry = { id: 'a', title: 'First title', authors: ['X Y'], why: 'w', arxiv: '1406.2661' };
    writeFileSync(path, JSON.stringify({ entries: [entry] }));
    world.close();
    world = createTestWorld({ env: { CURATOR_READING_LIST: path } });
    const served = app();
    expect(await (await served.request('/start')).text()).toContain('First title');
    writeFileSync(path, JSON.stringify({ entries: [{ ...entry, title: 'Second title, longer' }] }));
    expect(await (await served.request('/start')).text()).toContain('Second title, longer');
    writeFileSync(path, '{"entries": [{"id": "a"}]}');
    expect(await (await served.request('/start')).text()).toContain(`${path}: $.entries[0].title: missing or empty`);
  });

  it('shows the marks without forms on a read-only server', async () => {
    world.close();
    world = createTestWorld({ env: { CURATOR_READING_LIST: READING_LIST, HOST: '0.0.0.0' } });
    setReadMark(world.context.db, 'alexnet', true, '2026-09-24T08:00:00Z');
    const html = await text('/start');
    expect(html).toContain('Read (2026-09-24)');
    expect(html).not.toContain('<form class=mark');
  });
});

describe('/top', () => {
  it('shows the most upvoted papers in the store with their counts, and notes those outside it', async () => {
    storeDailyPapers(
      world.context.db,
      DAY,
      [
        { paperId: '2609.99999', title: 'A vision paper', upvotes: 300, comments: 2 },
        {
          paperId: '2609.26821',
          title: 'An ordinary paper',
          upvotes: 120,
          comments: 7,
          githubRepo: 'https://github.com/x/y',
          githubStars: 40,
        },
        { paperId: '2609.30001', title: 'Cortex', upvotes: 5 },
      ],
      `${DAY}T06:00:00Z`,
    );
    const html = await text('/top');
    expect(html.indexOf('An ordinary paper')).toBeLessThan(html.indexOf('Cortex'));
    expect(html).toContain('120 upvotes · 7 comments · <a href=https://github.com/x/y>code</a> (40 stars)');
    expect(html).toContain('q-bio.NC · outside the curated categories');
    expect(html).toContain('Also popular, outside cs.LG, cs.NE, stat.ML (1)');
    expect(html).toContain('A vision paper');
  });

  it('says so when popularity is off', async () => {
    world.close();
    world = createTestWorld({ env: { CURATOR_POPULARITY: 'off' } });
    expect(await text('/top')).toContain('Popularity counts are turned off (CURATOR_POPULARITY=off).');
  });
});

describe('the round’s problems', () => {
  it('are a line per part on /healthz and a warning on the page', async () => {
    recordRoundPart(world.context.db, {
      part: 'blogs',
      finishedAt: '2026-09-24T05:00:00Z',
      ok: true,
      summary: '2 of 3 feeds read, 1 new post',
      problems: ['Distill: https://distill.pub/rss.xml: HTTP 404 Not Found'],
    });
    const health = (await (await app().request('/healthz')).json()) as { round: unknown };
    expect(health.round).toEqual({
      blogs: {
        time: '2026-09-24T05:00:00Z',
        ok: true,
        summary: '2 of 3 feeds read, 1 new post',
        problems: ['Distill: https://distill.pub/rss.xml: HTTP 404 Not Found'],
      },
    });
    expect(await text(`/digest/${DAY}`)).toContain(
      '<li>Blogs: Distill: https://distill.pub/rss.xml: HTTP 404 Not Found',
    );
  });
});
