// Reader threads (app/read-pool.ts): real worker threads, each with its own read-only
// connection to the test's SQLite file; a bounded queue; a clean close.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInlineReader, createReadPool, ReadPoolBusyError, type ReadPool } from '../../src/app/read-pool.ts';
import { silentLogger } from '../../src/app/log.ts';
import { createApp } from '../../src/server.ts';
import { parseQueryText } from '../../src/views/search-query.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
let pool: ReadPool | undefined;
beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-11-26', [
    makePaper({ id: '2611.00001', title: 'Capsules that route', authors: ['Geoffrey E. Hinton'] }),
    makePaper({ id: '2611.00002', title: 'Routing in graphs' }),
  ]);
});
afterEach(async () => {
  await pool?.close();
  pool = undefined;
  world.close();
});

const startPool = (threads: number, maxQueued: number) =>
  (pool = createReadPool({ dbPath: world.context.config.dbPath, threads, maxQueued, log: silentLogger }));
const input = {
  query: { ...parseQueryText('routing'), starredOnly: false, sort: 'relevance' as const },
  offset: 0,
  limit: 20,
  names: new Map([['geoffrey-hinton', 'Geoffrey Hinton']]),
};

describe('createReadPool', () => {
  it('runs a search on its own connection, with the answer the inline reader gives', async () => {
    const inline = await createInlineReader(world.context.db).run('search', input);
    expect(inline.hits.map((hit) => hit.id).sort()).toEqual(['2611.00001', '2611.00002']);
    startPool(2, 4);
    const reads = await Promise.all([
      pool!.run('search', input),
      pool!.run('paper', { id: '2611.00001', names: input.names }),
    ]);
    expect(reads[0]).toEqual(inline);
    expect(reads[1]).toMatchObject({ title: 'Capsules that route', starred: [{ name: 'Geoffrey Hinton' }] });
  });

  it.runIf(process.platform === 'linux')('runs its threads at a lower priority than the pages', async () => {
    const niceness = () =>
      readdirSync('/proc/self/task').map((task) =>
        Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
      );
    const before = niceness().filter((nice) => nice === 10).length;
    startPool(2, 4);
    await Promise.all([pool!.run('search', input), pool!.run('search', input)]);
    expect(niceness().filter((nice) => nice === 10).length).toBe(before + 2);
    expect(niceness()[0]).toBe(0);
  });

  it('refuses a job when every thread is busy and the queue is full', async () => {
    startPool(1, 1);
    const running = pool!.run('search', input);
    const waiting = pool!.run('search', input);
    await expect(pool!.run('search', input)).rejects.toBeInstanceOf(ReadPoolBusyError);
    expect((await running).total).toBe(2);
    expect((await waiting).total).toBe(2);
    expect((await pool!.run('search', input)).total).toBe(2);
  });

  it('a failing task rejects with its reason and the thread goes on', async () => {
    startPool(1, 1);
    // Without the names of starred authors, the starred paper cannot be shown.
    await expect(pool!.run('search', { ...input, names: undefined as never })).rejects.toThrow(/undefined/);
    expect((await pool!.run('search', input)).total).toBe(2);
  });

  it('closing lets the running job finish, fails the waiting ones and stops the threads', async () => {
    startPool(1, 2);
    const running = pool!.run('search', input);
    const waiting = pool!.run('search', input);
    const closed = pool!.close();
    await expect(waiting).rejects.toThrow('the reader threads are closing');
    expect((await running).total).toBe(2);
    await closed;
    await expect(pool!.run('search', input)).rejects.toThrow('the reader threads are closing');
  });
});

describe('/search on reader threads', () => {
  it('never runs a search on the connection of the thread that serves the pages', async () => {
    const app = createApp({ context: world.context, holidays: new Set(), reader: startPool(1, 4) });
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

  it('answers 503 with Retry-After when too many searches wait', async () => {
    const app = createApp({ context: world.context, holidays: new Set(), reader: startPool(1, 0) });
    const [first, second] = await Promise.all([app.request('/search?q=routing'), app.request('/search?q=graphs')]);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('2 papers match');
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(second.headers.get('cache-control')).toBe('no-store');
    // Refused, not remembered: the same search is answered once a thread is free.
    const again = await app.request('/search?q=graphs');
    expect(again.status).toBe(200);
  });
});
