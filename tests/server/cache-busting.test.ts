// The render cache against hostile traffic: unknown query parameters cannot
// make the server render afresh, a page is rendered once however many ask for it at once, a flood
// of one-off addresses does not push out the pages people keep reading, and a full render queue
// is a 503 with Retry-After. Renders are counted where serve sends them: the offload function.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueClosedError, QueueFullError } from '../../src/app/worker-queue.ts';
import type { Rendered } from '../../src/routes/cache.ts';
import type { RenderJob } from '../../src/routes/site.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
let jobs: RenderJob[];
beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-09-24', [makePaper({ id: '2609.26811', title: 'Graph nets' })]);
  jobs = [];
});
afterEach(() => world.close());

/** An app whose uncached pages are "rendered" by `render` (serve: a render thread), counting them. */
function appRenderingWith(render: (job: RenderJob) => Promise<Rendered>) {
  return createApp({
    context: world.context,
    holidays: new Set(),
    offload: (job) => (jobs.push(job), render(job)),
  });
}

const page = (job: RenderJob): Promise<Rendered> =>
  Promise.resolve({ status: 200, type: 'text/html; charset=utf-8', body: `<p>${job.path}</p>` });

describe('the render cache', () => {
  it('ignores query parameters a page does not declare', async () => {
    const app = appRenderingWith(page);
    for (const path of ['/?r=1', '/?r=2&x=y', '/', '/rss/daily.xml?r=3', '/rss/daily.xml?utm_source=z'])
      expect((await app.request(path)).status).toBe(200);
    expect(jobs.map((job) => job.path)).toEqual(['/', '/rss/daily.xml']);
  });

  it('keeps the parameters a page declares, every value in order (`cat` repeats), and drops the rest', async () => {
    const app = appRenderingWith(page);
    await app.request('/search?r=1&q=graph');
    await app.request('/search?q=graph&r=2&q=other');
    await app.request('/search?q=nets');
    expect(jobs.map((job) => job.path)).toEqual(['/search?q=graph', '/search?q=graph&q=other', '/search?q=nets']);
  });

  it('renders a page once however many ask for it at the same time', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const app = appRenderingWith(async (job) => (await gate, page(job)));
    const responses = Array.from({ length: 20 }, (_, i) => Promise.resolve(app.request(`/digest/2026-09-24?n=${i}`)));
    finish();
    expect((await Promise.all(responses)).map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(jobs).toHaveLength(1);
  });

  it('keeps the pages read again and again through a flood of one-off addresses', async () => {
    const app = appRenderingWith(page);
    await app.request('/');
    await app.request('/');
    for (let day = 1; day <= 300; day++)
      await app.request(
        `/digest/2025-${String(1 + (day % 12)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}.txt?d=${day}`,
      );
    const before = jobs.length;
    await app.request('/');
    expect(jobs.length).toBe(before);
  });

  it('answers 503 with Retry-After when the render queue is full, and renders again later', async () => {
    let full = true;
    const app = appRenderingWith((job) => (full ? Promise.reject(new QueueFullError('busy')) : page(job)));
    const busy = await app.request('/digest/2026-09-24');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect(busy.headers.get('cache-control')).toBe('no-store');
    full = false;
    expect((await app.request('/digest/2026-09-24')).status).toBe(200);
  });

  it('answers 503 with Retry-After, not a 500, to a request whose render serve stopped', async () => {
    const app = appRenderingWith(() => Promise.reject(new QueueClosedError('the work queue is closed')));
    const stopping = await app.request('/digest/2026-09-24');
    expect(stopping.status).toBe(503);
    expect(stopping.headers.get('retry-after')).toBe('2');
    expect(await stopping.text()).toContain('restarting');
  });
});
