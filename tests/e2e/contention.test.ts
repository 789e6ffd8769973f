// Real processes sharing one database file: `serve` keeps answering
// while another process holds SQLite's write lock and stores what it fetched once the lock frees;
// two `serve`s run one scheduler; arXiv's spacing holds across every process.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnCli, startCli } from '../support/cli.ts';
import { createFakeApi, replyRssDay, type FakeArxiv, type Reply } from '../support/fake-arxiv.ts';
import { holdWriteLock } from '../support/lock-holder.ts';
import { createServeWorld, E2E_DAY, RSS_PATH, startServeProcess, type ServeWorld } from '../support/serve-process.ts';

const DAY = E2E_DAY;

let world: ServeWorld;
let arxiv: FakeArxiv;
let env: ServeWorld['env'];
beforeEach(async () => {
  world = await createServeWorld('curator-contention-');
  ({ arxiv, env } = world);
  // The week before is flagged too.
  expect((await spawnCli(['reflag'], env)).code).toBe(0);
});
afterEach(async () => await world.close());

function storedDays(): string[] {
  const db = new Database(env.CURATOR_DB, { readonly: true });
  try {
    return db.prepare('SELECT day FROM days ORDER BY day').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** A reply held until `release()`; `asked` resolves when the request arrives. */
function heldReply(reply: Reply) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const asked = new Promise<void>((resolve) => (arrived = resolve));
  const handler: Reply = (req, res) => (arrived(), void held.then(() => reply(req, res)));
  return { handler, asked, release };
}

describe('serve beside another writer', () => {
  it('answers pages while another process holds the write lock, then stores the fetched day without fetching it again', async () => {
    const rss = heldReply(replyRssDay(DAY));
    arxiv.on(RSS_PATH, rss.handler);
    const server = startServeProcess(arxiv, env);
    const url = await server.url;
    await rss.asked;
    const holder = await holdWriteLock(env.CURATOR_DB);
    rss.release();
    await server.waitForLog('db.waiting');
    // The scheduler waits for the lock on its own thread; the web thread answers meanwhile.
    const health = await fetch(`${url}healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    expect(storedDays()).not.toContain(DAY);
    await holder.release();
    await server.waitForLog('catchup.end');
    expect(storedDays()).toContain(DAY);
    expect(arxiv.requests.filter((request) => request.path === RSS_PATH)).toHaveLength(1);
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  }, 60_000);
});

describe('several processes on one database', () => {
  it('run one scheduler between two serves, and keep arXiv requests apart and one at a time across processes', async () => {
    const interval = 300;
    const fresh = { ...env, CURATOR_DB: join(world.dir, 'fresh.db'), ARXIV_MIN_INTERVAL_MS: String(interval) };
    expect((await spawnCli(['reflag'], fresh)).code).toBe(0);
    arxiv.on(RSS_PATH, replyRssDay(DAY));
    // The second day's API answer waits until two hand-run fetches are under way, so that they
    // contend with the server's catch-up for arXiv.
    const api = createFakeApi();
    let underWay!: () => void;
    const contending = new Promise<void>((resolve) => (underWay = resolve));
    let answered = 0;
    arxiv.on('/api/query', (req, res) => {
      if (++answered === 2) void contending.then(() => api.reply(req, res));
      else api.reply(req, res);
    });
    const first = startServeProcess(arxiv, fresh);
    await first.url;
    const second = startServeProcess(arxiv, fresh);
    expect(await second.waitForOutput('runs the scheduler of this database')).toMatch(
      /^arxiv-curator: serve \(pid \d+\) runs the scheduler of this database; this server serves pages only/,
    );
    await first.waitForLog('catchup.start');
    const fetches = [0, 1].map(() => startCli(['fetch'], { ...fresh, LOG_LEVEL: 'info' }));
    await Promise.all(fetches.map((fetch) => fetch.stderrSaid('fetch.start')));
    underWay();
    expect((await Promise.all(fetches.map((fetch) => fetch.done))).map((result) => result.code)).toEqual([0, 0]);
    await first.waitForLog('catchup.end');
    // One catch-up: the RSS feed once and each of the 6 days before once, plus the two hand-run fetches.
    expect(api.windows).toHaveLength(6);
    expect(new Set(api.windows).size).toBe(6);
    expect(arxiv.requests.filter((request) => request.path === RSS_PATH)).toHaveLength(3);
    expect(arxiv.maxInFlight).toBe(1);
    const gaps = arxiv.requests.slice(1).map((request, i) => request.at - arxiv.requests[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval - 5);

    // The first server dies without a word: the second takes the scheduler over.
    first.kill('SIGKILL');
    await second.waitForOutput('this server runs the scheduler of the database now');
    await second.waitForLog('catchup.end');
    second.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  }, 60_000);
});
