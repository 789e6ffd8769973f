// The fast path (src/routes/fast-path.ts) over real HTTP on loopback: a cached page, feed or 304
// answered without the router is the answer the app gives, header for header and byte for byte,
// and it never outlives what it depends on (new data from another connection, the scheduler's
// status, query parameters a page declares).
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { attachFastPath, fastPathOf } from '../../src/routes/fast-path.ts';
import { openDb } from '../../src/store/db.ts';
import { OTHERS_EVERY_MS } from '../../src/store/read/version.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import type { StatusView } from '../../src/views/types.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let world: TestWorld;
let server: RunningServer;
let status: StatusView;
/** How many requests the fast path answered. */
let taken: number;

beforeEach(async () => {
  world = createTestWorld();
  world.ingestDay('2026-09-24', [
    makePaper({ id: '2609.26811', title: 'Plain <script>alert(1)</script> & $\\alpha$-nets' }),
    makePaper({ id: '2609.26820', title: 'Deep things by a star', authors: ['Ada Lovelace', 'Y. Bengio'] }),
  ]);
  // The store as it stood an hour ago: Last-Modified is sent once the second of the change is over,
  // so it is on every answer here, the first as the next.
  world.context.db.prepare('UPDATE data_version SET changed_at = changed_at - 3600').run();
  status = {};
  const app = createApp({ context: world.context, holidays: new Set(), status: () => status });
  const fastPath = fastPathOf(app)!;
  attachFastPath(app, (request, response) => {
    const answered = fastPath(request, response);
    if (answered) taken++;
    return answered;
  });
  taken = 0;
  server = await startServer(app, { host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  vi.useRealTimers();
  await server.close();
  world.close();
});

/** A GET as sent, its answer as received: no decompression, every header. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(new URL(path, server.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** What must agree between two answers: all but the Date each was sent. */
function comparable(answer: Answer) {
  const { date: _date, ...headers } = answer.headers;
  return { status: answer.status, headers, body: answer.body.toString('base64') };
}

const ADDRESSES = [
  '/',
  '/digest/2026-09-24',
  '/digest/2026-09-24.txt',
  '/digest/2026-09-24.json',
  '/rss.xml',
  '/rss/daily.xml',
  '/feeds.opml',
  '/search?q=nets',
  '/start',
  '/saved',
];

describe('the fast path', () => {
  it.each([
    ['no Accept-Encoding', {}],
    ['gzip', { 'Accept-Encoding': 'gzip' }],
    ['brotli, as browsers ask', { 'Accept-Encoding': 'gzip, deflate, br, zstd' }],
  ])('answers a cached address as the app does, with %s', async (_what, headers) => {
    for (const path of ADDRESSES) {
      const before = taken;
      const first = await get(path, headers);
      expect(first.status, path).toBe(200);
      expect(taken, `${path}: the first request goes through the app`).toBe(before);
      const again = await get(path, headers);
      expect(taken, `${path}: answered by the fast path`).toBe(before + 1);
      expect(comparable(again), path).toEqual(comparable(first));
      expect(again.headers['content-length']).toBe(String(again.body.length));
      expect(again.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('answers a current copy with the 304 the app sends, and a stale one with the body', async () => {
    const first = await get('/rss.xml');
    const etag = first.headers.etag as string;
    const viaApp = await get('/?other=1', { 'If-None-Match': 'W/"nothing"' });
    expect(viaApp.status).toBe(200);
    const before = taken;
    const notModified = await get('/rss.xml', { 'If-None-Match': etag });
    expect(taken).toBe(before + 1);
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    const sinceThen = await get('/rss.xml', { 'If-Modified-Since': first.headers['last-modified'] as string });
    expect(sinceThen.status).toBe(304);
    const stale = await get('/rss.xml', { 'If-None-Match': 'W/"an-older-one"' });
    expect(comparable(stale)).toEqual(comparable(first));
  });

  it('serves the new data once another connection commits it, never the body it kept', async () => {
    // The version looks at other connections' commits every OTHERS_EVERY_MS of this clock.
    vi.useFakeTimers({ toFake: ['performance'] });
    await get('/rss.xml');
    const kept = await get('/rss.xml');
    expect(kept.body.toString()).not.toContain('A paper stored by the CLI');
    const other = openDb(world.context.config.dbPath);
    ingestFeed(
      other,
      {
        format: 'rss',
        announcedOn: '2026-09-25',
        papers: [makePaper({ id: '2609.30001', title: 'A paper stored by the CLI', authors: ['Yoshua Bengio'] })],
      },
      { source: 'rss', categories: ['cs.LG'], flags: world.context.starred.current(), now: '2026-09-25T04:00:09Z' },
    );
    other.close();
    vi.advanceTimersByTime(OTHERS_EVERY_MS);
    const fresh = await get('/rss.xml', { 'If-None-Match': kept.headers.etag as string });
    expect(fresh.status).toBe(200);
    expect(fresh.body.toString()).toContain('A paper stored by the CLI');
    expect(fresh.headers.etag).not.toBe(kept.headers.etag);
  });

  it('follows the scheduler: a page showing "fetching" is not answered from before it began', async () => {
    await get('/');
    const idle = await get('/');
    status = { activity: 'Fetching arXiv' };
    const busy = await get('/', { 'If-None-Match': idle.headers.etag as string });
    expect(busy.status).toBe(200);
    expect(busy.headers.etag).not.toBe(idle.headers.etag);
  });

  it("never renders a stored day's page again for the scheduler's status", async () => {
    world.ingestDay('2026-09-25', [makePaper({ id: '2609.30002', title: 'The day of the clock' })]);
    status = { activity: 'Checking arXiv for new announcements…', nextRunAt: '2026-09-26T04:30:00Z' };
    const first = await get('/', { 'Accept-Encoding': 'br' });
    expect(first.status).toBe(200);
    const before = taken;
    for (const activity of ['arXiv cannot be reached (ECONNREFUSED). Trying again at 08:05.', undefined]) {
      status = activity === undefined ? {} : { activity, nextRunAt: '2026-09-25T12:05:00Z' };
      const again = await get('/', { 'Accept-Encoding': 'br' });
      expect(comparable(again)).toEqual(comparable(first));
      expect((await get('/', { 'If-None-Match': first.headers.etag as string })).status).toBe(304);
    }
    expect(taken, 'every answer from the fast path').toBe(before + 4);
  });

  it('keys by the address as sent, and answers it by the parameters the page declares', async () => {
    const one = await get('/search?q=nets&utm_source=x');
    const before = taken;
    const two = await get('/search?utm_source=y&q=nets');
    expect(taken, 'a new address goes through the app once').toBe(before);
    expect(comparable(two)).toEqual(comparable(one));
    expect((await get('/search?q=deep')).body.toString()).toContain('things by a star');
    const nets = (await get('/search?q=nets')).body.toString();
    expect(nets).toContain('Plain &lt;script&gt;');
    expect(nets).not.toContain('things by a star');
  });

  it('leaves writes, HEAD and a request with two Host fields to the app', async () => {
    await get('/');
    await get('/');
    const before = taken;
    const head = await new Promise<number>((resolve, reject) => {
      const sent = httpRequest(new URL('/', server.url), { method: 'HEAD' }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      sent.on('error', reject);
      sent.end();
    });
    expect(head).toBe(200);
    const { port } = new URL(server.url);
    const twice = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`),
      );
      let response = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (response += chunk));
      socket.on('end', () => resolve(response));
      socket.on('error', reject);
    });
    expect(twice).toMatch(/^HTTP\/1\.1 400/);
    expect(taken).toBe(before);
  });

  it('answers a failure as the app does: a 500 page, and the server stays up', async () => {
    await get('/rss.xml');
    await get('/rss.xml');
    world.context.db.close();
    const failed = await get('/rss.xml');
    expect(failed.status).toBe(500);
    expect(failed.body.toString()).toContain('could not answer');
  });
});
