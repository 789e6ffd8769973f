// The real `arxiv-curator serve` process against a fake arXiv on loopback: it stores the current
// day by itself, keeps arXiv's spacing and User-Agent, and exits 0 on SIGTERM with the database intact.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { markDayStored } from '../../src/store/write/announcements.ts';
import { createFakeApi, replyRssDay, replyStall, startFakeArxiv, type FakeArxiv } from '../support/fake-arxiv.ts';
import { RSS_PATH, startServeProcess, stopServeProcesses, type ServeProcess } from '../support/serve-process.ts';

// Tuesday 28 April 2026, 00:40 New York time.
const NOW = '2026-04-28T04:40:00Z';

let arxiv: FakeArxiv;
let dir: string;
afterEach(async () => {
  stopServeProcesses();
  await arxiv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function startServe(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  arxiv = await startFakeArxiv();
  return startServeProcess(arxiv, { CURATOR_DB: join(dir, 'curator.db'), CURATOR_NOW: NOW, ...env });
}

function readDb(): { integrity: string; days: string[] } {
  const db = new Database(join(dir, 'curator.db'), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const days = (db.prepare('SELECT day FROM days ORDER BY day').all() as { day: string }[]).map((r) => r.day);
    return { integrity, days };
  } finally {
    db.close();
  }
}

function readLastRun(): unknown {
  const db = new Database(join(dir, 'curator.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT url, finished_at IS NOT NULL AS finished, error FROM fetch_runs ORDER BY id DESC LIMIT 1')
      .get();
  } finally {
    db.close();
  }
}

/**
 * What /healthz says the server is doing, once it says `activity`: the web thread hears of the
 * scheduler thread's progress in a message, and /healthz keeps an answer for 5 s, so it is asked
 * until it tells (the state awaited, however busy the machine), then read whole.
 */
async function healthOnce(url: string, activity: string | null): Promise<Record<string, unknown>> {
  const read = async () => (await (await fetch(`${url}healthz`)).json()) as Record<string, unknown>;
  await expect.poll(async () => (await read())['activity'], { interval: 250 }).toBe(activity);
  return read();
}

describe('arxiv-curator serve', () => {
  it('stores the current day and the week before it by itself, and exits 0 on SIGTERM with the database intact', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-e2e-'));
    const server = await startServe({ ARXIV_MIN_INTERVAL_MS: '20' });
    arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    arxiv.on('/api/query', createFakeApi().reply);
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await server.waitForLog('catchup.end');
    // The web thread hears of the run's end in a message from the scheduler's thread, after its log.
    expect(await healthOnce(url, null)).toMatchObject({ activity: null, nextRun: '2026-04-29T04:30:00.000Z' });
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
    expect(readDb()).toEqual({
      integrity: 'ok',
      days: ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27', '2026-04-28'],
    });
  }, 60_000);

  it('stars a paper’s author from the page on its scheduler thread, and answers a refusal with its status', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-e2e-'));
    const authors = join(dir, 'authors.json');
    copyFileSync(new URL('../../config/authors.json', import.meta.url), authors);
    const server = await startServe({ ARXIV_MIN_INTERVAL_MS: '20', CURATOR_AUTHORS: authors });
    arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    arxiv.on('/api/query', createFakeApi().reply);
    const url = await server.url;
    await server.waitForLog('catchup.end');
    const db = new Database(join(dir, 'curator.db'), { readonly: true });
    const paper = db.prepare(`SELECT id, authors FROM papers ORDER BY id LIMIT 1`).get() as {
      id: string;
      authors: string;
    };
    db.close();
    const star = (a: number) =>
      fetch(`${url}papers/${paper.id}/star`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ a }),
      });
    const starred = await star(0);
    const name = (JSON.parse(paper.authors) as string[])[0]!;
    expect(await starred.json()).toMatchObject({ name, starred: true, papers: expect.any(Number) });
    expect(readFileSync(authors, 'utf8')).toContain(`"name": ${JSON.stringify(name)}`);
    const refused = await star(999);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'the paper has no author number 1000' });
    server.kill('SIGTERM');
    const { code, stderr } = await server.exit;
    expect(code).toBe(0);
    // Done on the scheduler thread: the web thread never fell back to doing it itself.
    expect(stderr).toContain('authors.reflagged');
    expect(stderr).not.toContain('authors.star_here');
  }, 60_000);

  it('exits 0 on SIGTERM in the middle of a request, cutting it short, showing progress until then', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-e2e-'));
    const server = await startServe({ ARXIV_MIN_INTERVAL_MS: '20' });
    arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    let stalled!: () => void;
    const apiAsked = new Promise<void>((resolve) => (stalled = resolve));
    arxiv.on('/api/query', (req, res) => (stalled(), replyStall()(req, res)));
    const url = await server.url;
    await apiAsked;
    // The request stalls for good, so the progress stays until the server stops.
    await healthOnce(url, 'Fetching the last 7 announcement days: 1/7');
    server.kill('SIGTERM');
    // The request stalls for good: only cutting it short lets the process end.
    expect((await server.exit).code).toBe(0);
    expect(readDb()).toEqual({ integrity: 'ok', days: ['2026-04-28'] });
    // The request cut short is in the fetch log as interrupted, not as arXiv's failure, and not left open.
    expect(readLastRun()).toEqual({
      url: expect.stringContaining('/api/query?'),
      finished: 1,
      error: 'interrupted (SIGTERM received; the server is stopping)',
    });
  }, 60_000);

  it('keeps requests at least the default 3000 ms apart, each with the User-Agent', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-e2e-'));
    // Only 27 April is missing: two requests (RSS, then one API day), one wait of arXiv's interval.
    // A busy machine can only lengthen it: this is the real process's politeness, not a speed.
    const db = openDb(join(dir, 'curator.db'));
    for (const day of ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24'])
      markDayStored(db, day, 'rss', NOW);
    db.close();
    const server = await startServe({});
    arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    arxiv.on('/api/query', createFakeApi().reply);
    await server.waitForLog('catchup.end');
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
    const { requests } = arxiv;
    expect(requests).toHaveLength(2);
    for (const request of requests)
      expect(request.headers['user-agent']).toMatch(/^arxiv-curator\/\d+\.\d+\.\d+ \(\+.+\)$/);
    // Arrival times on the server; the client spaces request starts, so allow a few ms of loopback latency.
    for (let i = 1; i < requests.length; i++)
      expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(3000 - 10);
    expect(arxiv.maxInFlight).toBe(1);
    expect(readDb().days).toContain('2026-04-27');
  }, 60_000);
});
