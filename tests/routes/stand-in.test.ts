// While a newer version of a page renders (on serve's render threads, here an offload the test
// holds), the page as last rendered answers those who ask after the first, with its own ETag:
// when the scheduler's thread wrote (another connection) or its status changed. Never after the
// reader's own save: that request waits for the page with the save.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { Rendered } from '../../src/routes/cache.ts';
import { attachFastPath, fastPathOf } from '../../src/routes/fast-path.ts';
import { startServer } from '../../src/routes/listen.ts';
import type { RenderJob } from '../../src/routes/site.ts';
import { createApp } from '../../src/server.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { OTHERS_EVERY_MS } from '../../src/store/read/version.ts';
import { recordRoundPart } from '../../src/store/write/round-parts.ts';
import type { StatusView } from '../../src/views/types.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

const FORM = {
  origin: 'http://127.0.0.1:3000',
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'application/json',
};

interface HeldRender {
  job: RenderJob;
  release: () => void;
}

let world: TestWorld;
let other: Db;
let status: StatusView;
/** Renders asked for and not yet let go, in order; `next` resolves when the next one is asked. */
let held: HeldRender[];
let asked: (() => void) | undefined;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  world = createTestWorld();
  // An older day: the day `/` stands for (25 September) is not stored, so `/` shows the status.
  world.ingestDay('2026-09-22', [makePaper({ id: '2609.00001', title: 'Routing in graphs' })]);
  other = openDb(world.context.config.dbPath);
  status = {};
  held = [];
  app = createApp({ context: world.context, holidays: new Set(), status: () => status, offload: holdRender });
});

/** A render the test lets go of: the page says its version, the reader's writes and the status. */
function holdRender(job: RenderJob): Promise<Rendered> {
  return new Promise<Rendered>((resolve) => {
    const body = `<p>${job.version.tag}</p><p>saved: ${job.version.ownWrites ?? 0}</p><p>${job.status.activity ?? ''}</p>`;
    held.push({ job, release: () => resolve({ status: 200, type: 'text/html; charset=utf-8', body }) });
    asked?.();
  });
}

/** The reader saves a paper from the page (the web thread's own write). */
async function saveFromThePage(): Promise<void> {
  const saved = await app.request('/papers/2609.00001/save', { method: 'POST', headers: FORM });
  expect(saved.status).toBe(200);
}
afterEach(() => {
  vi.useRealTimers();
  other.close();
  world.close();
});

/** The next render asked for, once it is asked. */
function nextRender(): Promise<HeldRender> {
  const count = held.length;
  return new Promise((resolve) => {
    asked = () => {
      if (held.length > count) resolve(held[count]!);
    };
  });
}

async function firstPage(): Promise<{ body: string; etag: string }> {
  const rendering = nextRender();
  const response = app.request('/');
  (await rendering).release();
  const page = await response;
  return { body: await page.text(), etag: page.headers.get('etag')! };
}

describe('the page as last rendered, while the new one renders', () => {
  it('answers after the scheduler thread wrote, with its own ETag; the first asker gets the new page', async () => {
    // The version looks at other connections' commits every OTHERS_EVERY_MS of this clock.
    vi.useFakeTimers({ toFake: ['performance'] });
    const before = await firstPage();
    recordRoundPart(other, {
      part: 'blogs',
      finishedAt: '2026-09-25T11:00:00Z',
      ok: false,
      summary: 'none read',
      problems: ['connection refused'],
    });
    vi.advanceTimersByTime(OTHERS_EVERY_MS);
    const rendering = nextRender();
    const first = app.request('/');
    const render = await rendering;
    const meanwhile = await app.request('/');
    expect(await meanwhile.text()).toBe(before.body);
    expect(meanwhile.headers.get('etag')).toBe(before.etag);
    const revalidated = await app.request('/', { headers: { 'if-none-match': before.etag } });
    expect(revalidated.status).toBe(304);
    render.release();
    const fresh = await first;
    expect(await fresh.text()).not.toBe(before.body);
    expect(fresh.headers.get('etag')).not.toBe(before.etag);
    const after = await app.request('/');
    expect(after.headers.get('etag')).toBe(fresh.headers.get('etag'));
    expect(held).toHaveLength(2);
  });

  it('answers after the scheduler status changed', async () => {
    const before = await firstPage();
    status = { activity: 'Checking arXiv for new announcements…' };
    const rendering = nextRender();
    const first = app.request('/');
    const render = await rendering;
    expect(await (await app.request('/')).text()).toBe(before.body);
    render.release();
    expect(await (await first).text()).toContain('Checking arXiv');
  });

  it('never after the reader saved: every request waits for the page with the save', async () => {
    await firstPage();
    await saveFromThePage();
    const rendering = nextRender();
    const first = app.request('/');
    const render = await rendering;
    // Asked while the page with the save renders: it joins that render rather than take the old page.
    let answered = false;
    const second = Promise.resolve(app.request('/')).then((response) => ((answered = true), response));
    const third = await app.request('/robots.txt');
    expect(third.status).toBeLessThan(500);
    expect(answered).toBe(false);
    render.release();
    const [one, two] = await Promise.all([first, second]);
    expect(await one.text()).toContain('saved: 1');
    expect(await two.text()).toContain('saved: 1');
    expect(held).toHaveLength(2);
  });
});

describe('a render that takes longer than the first asker waits (serve: a second)', () => {
  beforeEach(() => {
    const deps = { context: world.context, holidays: new Set<string>(), status: () => status };
    app = createApp({ ...deps, offload: holdRender, firstWaitMs: 0 });
  });

  it('answers the first asker with the page as it was too, and the new page once rendered', async () => {
    const before = await firstPage();
    status = { activity: 'Checking arXiv for new announcements…' };
    const rendering = nextRender();
    const first = await app.request('/');
    expect(await first.text()).toBe(before.body);
    (await rendering).release();
    await expect.poll(async () => (await app.request('/')).headers.get('etag')).not.toBe(before.etag);
    expect(held).toHaveLength(2);
  });

  it('never after the reader saved: the first asker waits for the page with the save', async () => {
    await firstPage();
    await saveFromThePage();
    const rendering = nextRender();
    const first = app.request('/');
    (await rendering).release();
    expect(await (await first).text()).toContain('saved: 1');
  });
});

/** A GET over loopback: its status, ETag and body as received. */
function get(url: string, path: string): Promise<{ status: number; etag: string; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(new URL(path, url), { headers: { 'accept-encoding': 'br' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          etag: String(response.headers.etag),
          body: Buffer.concat(chunks).toString('base64'),
        }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

it('the fast path answers with the page as last rendered too, as the app would', async () => {
  let taken = 0;
  const fastPath = fastPathOf(app)!;
  attachFastPath(app, (request, response) => (fastPath(request, response) ? (taken++, true) : false));
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  try {
    const rendering = nextRender();
    const first = get(server.url, '/');
    (await rendering).release();
    const before = await first;
    expect((await get(server.url, '/')).etag).toBe(before.etag);
    expect(taken).toBe(1);
    status = { activity: 'Checking arXiv for new announcements…' };
    const again = nextRender();
    const trigger = get(server.url, '/');
    const render = await again;
    expect(await get(server.url, '/')).toEqual(before);
    expect(taken).toBe(2);
    render.release();
    expect((await trigger).etag).not.toBe(before.etag);
  } finally {
    await server.close();
  }
});
