// Route behaviour through app.request(): digest days, the no-announcement pages, formats,
// conditional GET, security headers, errors and search with hostile text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server.ts';
import type { StatusView } from '../../src/views/types.ts';
import { renderDigestJson } from '../../src/render/json.ts';
import { loadDayDigest } from '../../src/views/day.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
const HOLIDAYS = new Set(['2026-11-26']);

beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-09-23', [makePaper({ id: '2609.20001', title: 'Older day paper' })]);
  world.ingestDay('2026-09-24', [
    makePaper({
      id: '2609.26811',
      title: 'Plain <script>alert(1)</script> & $\\alpha$-nets',
      authors: ['Fabien Polly'],
    }),
    makePaper({ id: '2609.26820', title: 'Deep things by a star', authors: ['Ada Lovelace', 'Y. Bengio'] }),
    makePaper({ id: '2009.13987', version: 3, title: 'Random Polytope Descriptors', announceType: 'replace' }),
  ]);
});
afterEach(() => {
  vi.useRealTimers();
  world.close();
});

const app = (status?: () => StatusView) =>
  createApp({ context: world.context, holidays: HOLIDAYS, ...(status && { status }) });

describe('digest pages', () => {
  it('/ shows the latest day with the starred paper before the others', async () => {
    const response = await app().request('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Thursday, 24 September 2026');
    const starAt = html.indexOf('Deep things by a star');
    expect(starAt).toBeGreaterThan(0);
    expect(starAt).toBeLessThan(html.indexOf('Plain &lt;script&gt;'));
    expect(html).toContain('★ Yoshua Bengio (as &quot;Y. Bengio&quot;, likely)');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('href="http://127.0.0.1:3000/digest/2026-09-23"');
  });

  it('/digest/D.json is exactly the digest --format json output', async () => {
    const response = await app().request('/digest/2026-09-24.json');
    expect(response.headers.get('content-type')).toContain('application/json');
    const expected = renderDigestJson(loadDayDigest(world.context, HOLIDAYS, '2026-09-24').view);
    expect(await response.text()).toBe(expected);
  });

  it('/digest/D.txt is wrapped plain text, starred first', async () => {
    const text = await (await app().request('/digest/2026-09-24.txt')).text();
    expect(text.split('\n').every((line) => line.length <= 78)).toBe(true);
    expect(text.indexOf('★ Yoshua Bengio')).toBeLessThan(text.indexOf('Plain <script>'));
  });

  it.each([
    ['2026-09-26', 'No arXiv announcement on Saturday, 26 September 2026 (weekend)'],
    ['2026-11-27', 'No arXiv announcement on Friday, 27 November 2026 (holiday)'],
  ])('%s is a normal page with a link to the previous digest', async (day, text) => {
    const response = await app().request(`/digest/${day}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(text);
    expect(html).toContain('href="http://127.0.0.1:3000/digest/2026-09-24"');
  });

  it('an empty stored feed says there was no announcement', async () => {
    world.ingestDay('2026-09-22', []);
    expect(await (await app().request('/digest/2026-09-22')).text()).toContain('(the feed was empty)');
  });

  it('a day not fetched yet says so, with the failed fetch and the next attempt', async () => {
    world.recordFetch({ at: '2026-09-25T04:05:00Z', status: 503, error: 'HTTP 503 from rss.arxiv.org' });
    const html = await (await app(() => ({ nextRunAt: '2026-09-25T05:05:00Z' })).request('/digest/2026-09-25')).text();
    expect(html).toContain('is not fetched yet');
    expect(html).toContain('The last fetch failed');
    expect(html).toContain('HTTP 503 from rss.arxiv.org');
    expect(html).toContain('Next attempt: Fri, Sep 25, 01:05 New York time.');
  });

  it('never serves a cached page with an old status', async () => {
    let activity = 'Fetching the last 7 announcement days: 1/7';
    const site = app(() => ({ activity }));
    expect(await (await site.request('/')).text()).toContain('1/7');
    activity = 'Fetching the last 7 announcement days: 2/7';
    expect(await (await site.request('/')).text()).toContain('2/7');
  });

  it('shows what the scheduler is doing while it works or waits', async () => {
    const activity =
      'arXiv cannot be reached (https://rss.arxiv.org/rss/cs.LG: DNS lookup failed). Trying again at Fri 01:10 New York time.';
    const html = await (
      await app(() => ({ nextRunAt: '2026-09-25T05:10:00Z', activity })).request('/digest/2026-09-25')
    ).text();
    expect(html).toContain(`<div class=n role=status>${activity}</div>`);
    const first = await (
      await app(() => ({ activity: 'Fetching the last 7 announcement days: 3/7' })).request('/digest/2026-09-25')
    ).text();
    expect(first).toContain('Fetching the last 7 announcement days: 3/7');
  });

  it('a future day is a 404 page of the same kind', async () => {
    const response = await app().request('/digest/2026-12-01');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Nothing announced on Tuesday, 1 December 2026 yet');
  });

  it.each(['/digest/2026-02-30', '/digest/yesterday', '/digest/2026-9-1', '/digest/2026-09-24.exe'])(
    '%s is a 400 page',
    async (path) => {
      const response = await app().request(path);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Bad request');
    },
  );

  it('an empty database gives a page, not an error', async () => {
    const empty = createTestWorld();
    try {
      const response = await createApp({ context: empty.context, holidays: HOLIDAYS }).request('/');
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('No digest is stored yet');
    } finally {
      empty.close();
    }
  });
});

describe('HTTP behaviour', () => {
  it.each([
    '/',
    '/digest/2026-09-24',
    '/rss.xml',
    '/rss/daily.xml',
    '/authors/yoshua-bengio',
    '/authors/yoshua-bengio.xml',
    '/feeds.opml',
    '/search?q=deep',
  ])('%s answers a conditional GET with 304 and changes its ETag after an ingest', async (path) => {
    // The store as it stood an hour ago: Last-Modified is sent once the second of the change is over.
    world.context.db.prepare('UPDATE data_version SET changed_at = changed_at - 3600').run();
    const site = app();
    const first = await site.request(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('last-modified')).toMatch(/GMT$/);
    const again = await site.request(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('content-security-policy')).toContain("default-src 'none'");
    const since = await site.request(path, { headers: { 'If-Modified-Since': first.headers.get('last-modified')! } });
    expect(since.status).toBe(304);
    world.ingestDay('2026-09-25', [makePaper({ authors: ['Yoshua Bengio'] })], '2026-09-25T04:00:09Z');
    const after = await site.request(path, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const sinceBefore = await site.request(path, {
      headers: { 'If-Modified-Since': first.headers.get('last-modified')! },
    });
    expect(sinceBefore.status).toBe(200);
  });

  it('sees a commit by another connection (the CLI fetching while the server runs) within OTHERS_EVERY_MS', async () => {
    const { openDb } = await import('../../src/store/db.ts');
    const { ingestFeed } = await import('../../src/store/write/ingest.ts');
    const { OTHERS_EVERY_MS } = await import('../../src/store/read/version.ts');
    vi.useFakeTimers({ toFake: ['performance'] });
    const site = app();
    const etag = (await site.request('/rss.xml')).headers.get('etag')!;
    const other = openDb(world.context.config.dbPath);
    ingestFeed(
      other,
      { format: 'rss', announcedOn: '2026-09-25', papers: [makePaper({ authors: ['Yoshua Bengio'] })] },
      { source: 'rss', categories: ['cs.LG'], flags: world.context.starred.current(), now: '2026-09-25T04:00:09Z' },
    );
    other.close();
    // The server asks SQLite whether another connection committed at most every OTHERS_EVERY_MS.
    vi.advanceTimersByTime(OTHERS_EVERY_MS);
    expect((await site.request('/rss.xml', { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });

  it('sends gzip and brotli when asked, the same bytes once inflated', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const site = app();
    const plain = Buffer.from(await (await site.request('/rss/daily.xml')).arrayBuffer());
    const gz = await site.request('/rss/daily.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer()))).toEqual(plain);
    const br = await site.request('/rss/daily.xml', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer()))).toEqual(plain);
  });

  it.each(['/', '/nope', '/digest/bad', '/authors/nobody', '/authors/../../etc/passwd', '/healthz', '/%E0%A4%A'])(
    '%s carries the security headers',
    async (path) => {
      const response = await app().request(path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBeTruthy();
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.status).toBeLessThan(500);
    },
  );

  it('unknown paths and authors are small 404 pages', async () => {
    for (const path of ['/nope', '/authors/nobody', '/authors/nobody.xml', '/digest']) {
      const response = await app().request(path);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('Not found');
      // A short page: the frame and a line, no digest (the stylesheet inline aside).
      expect(html.replace(/<style>[^<]*<\/style>/, '').length).toBeLessThan(3000);
    }
  });

  it('a failing handler is a 500 page without the stack', async () => {
    const site = app();
    world.context.db.close();
    const response = await site.request('/');
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('Something went wrong');
    expect(html).not.toMatch(/at .*\.ts:\d+|TypeError|database connection/);
    expect(response.headers.get('content-security-policy')).toBeTruthy();
    world.context.db = (await import('../../src/store/db.ts')).openDb(world.context.config.dbPath);
  });
});

describe('search and health', () => {
  it('finds papers by title words and authors, ranked', async () => {
    const html = await (await app().request('/search?q=star+deep')).text();
    expect(html).toContain('<mark>Deep</mark> things by a <mark>star</mark>');
    expect(html).not.toContain('Random Polytope');
    expect(await (await app().request('/search?q=Lovelace')).text()).toContain('<mark>Lovelace</mark>, Y. Bengio');
  });

  it('an empty query shows the form', async () => {
    const html = await (await app().request('/search')).text();
    expect(html).toContain('<form action="http://127.0.0.1:3000/search"');
  });

  it.each([
    'deep"',
    'NEAR(deep star)',
    'deep*',
    '*',
    'AND OR NOT',
    'title:deep',
    '^deep',
    'a:b:c',
    '(((',
    '\u0000',
    "'; DROP TABLE papers;--",
    '<script>x</script>',
  ])('hostile query %j never fails', async (q) => {
    const response = await app().request(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('<script>x');
  });

  it('an open quote is a 400 that says so, on the search page', async () => {
    const response = await app().request(`/search?q=${encodeURIComponent('deep "open')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('q: a quote is not closed: &quot;open');
  });

  it('a query over 200 characters is a 400', async () => {
    expect((await app().request(`/search?q=${'a'.repeat(201)}`)).status).toBe(400);
  });

  it('/healthz reports the database, the papers, the last fetch and the next run', async () => {
    world.recordFetch({ at: '2026-09-25T04:05:00Z', status: 503, error: 'HTTP 503' });
    const probes = { freeBytes: () => 2 ** 40, canWrite: () => true };
    const status = () => ({ nextRunAt: '2026-09-25T05:05:00Z' });
    const body = await (await createApp({ context: world.context, status, probes }).request('/healthz')).json();
    expect(body).toEqual({
      status: 'degraded',
      reasons: ['the last fetch failed (2026-09-25T04:05:00Z): HTTP 503', 'no fetch has succeeded yet'],
      database: 'ok',
      papers: 4,
      lastFetch: { time: '2026-09-25T04:05:00Z', status: 503, error: 'HTTP 503', day: null },
      nextRun: '2026-09-25T05:05:00Z',
      activity: null,
      mail: null,
      round: {},
      config: [],
    });
  });
});
