// serve's render threads (app/worker-queue.ts running commands/serve-renderer.ts): real worker
// threads, each with its own read-only connection to the test's SQLite file, render what the web
// thread's cache does not hold, searches included, behind a bounded queue.
import { once } from 'node:events';
import { threadNiceness, niceOf } from '../support/niceness.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.ts';
import { createWorkQueue, type WorkQueue } from '../../src/app/worker-queue.ts';
import type { Rendered } from '../../src/routes/cache.ts';
import type { RenderJob } from '../../src/routes/site.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

const BODY = new URL('../../src/commands/serve-renderer.ts', import.meta.url);

let world: TestWorld;
let renders: WorkQueue<RenderJob, Rendered> | undefined;
beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-11-26', [
    makePaper({ id: '2611.00001', title: 'Capsules that route', authors: ['Geoffrey E. Hinton'] }),
    makePaper({ id: '2611.00002', title: 'Routing in graphs' }),
  ]);
});
afterEach(async () => {
  await renders?.close();
  renders = undefined;
  world.close();
});

function appWithThreads(size: number, maxQueued: number) {
  const env = { CURATOR_DB: world.context.config.dbPath, LOG_LEVEL: 'silent' };
  renders = createWorkQueue<RenderJob, Rendered>({
    body: BODY,
    name: 'render',
    log: silentLogger,
    backoff: { firstMs: 1, capMs: 1 },
    workerData: { env },
    size,
    maxQueued,
  });
  const queue = renders;
  return createApp({ context: world.context, holidays: new Set(), offload: (job) => queue.run(job) });
}

describe('pages rendered on render threads', () => {
  it('never runs a search on the connection of the thread that serves the pages', async () => {
    const app = appWithThreads(1, 4);
    const { db } = world.context;
    const asked: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => (asked.push(sql), prepare(sql));
    const [search, page] = await Promise.all([app.request('/search?q=capsules+route'), app.request('/')]);
    expect(await search.text()).toContain('<mark>Capsules</mark> that <mark>route</mark>');
    expect(page.status).toBe(200);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((sql) => /_fts|FROM papers p/.test(sql))).toEqual([]);
  });

  it('answers 503 with Retry-After when too many renders wait, and renders it once a thread is free', async () => {
    const app = appWithThreads(1, 0);
    const [first, second] = await Promise.all([app.request('/search?q=routing'), app.request('/search?q=graphs')]);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('2 papers match');
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('2');
    expect(second.headers.get('cache-control')).toBe('no-store');
    const again = await app.request('/search?q=graphs');
    expect(again.status).toBe(200);
  });

  it('renders again once a killed render thread is back', async () => {
    const app = appWithThreads(1, 4);
    const [thread] = renders!.workers;
    const restarted = once(thread!.events, 'start');
    await thread!.thread!.terminate();
    // Asked while no thread runs: it waits in the queue for the new one.
    const page = app.request('/search?q=capsules');
    await restarted;
    expect((await page).status).toBe(200);
    expect(renders!.health()['render 1']).toMatchObject({ state: 'running', restarts: 1 });
  });

  it.runIf(process.platform === 'linux')('runs them at a lower priority than the web thread', async () => {
    // Threads of the files before this one in the same worker come and go: the render threads are
    // among the threads that are new (with the thread pool's, should they start it), the others keep theirs.
    const before = threadNiceness();
    const app = appWithThreads(2, 4);
    await Promise.all([app.request('/search?q=routing'), app.request('/search?q=capsules')]);
    const after = [...threadNiceness()];
    const added = after.filter(([task]) => !before.has(task)).map(([, nice]) => nice);
    expect(added.filter((nice) => nice === 10).length).toBeGreaterThanOrEqual(2);
    expect(after.filter(([task, nice]) => before.has(task) && nice !== before.get(task))).toEqual([]);
    // The main thread's id is the process id (the first task listed only while ids have not wrapped).
    expect(niceOf(process.pid)).toBe(0);
  });
});
