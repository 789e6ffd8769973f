// The server's background work against a fake arXiv: first start, no network, restart after
// downtime, the daily trigger and a stale feed. The trigger and the sleeps are injected.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetcher/http.ts';
import { startBackgroundJobs, type BackgroundJobs } from '../../src/jobs/background.ts';
import type { Trigger } from '../../src/jobs/scheduler.ts';
import type { StatusView } from '../../src/views/types.ts';
import {
  createFakeApi,
  findClosedPort,
  replyRssDay,
  replyStatus,
  replyText,
  type Reply,
} from '../support/fake-arxiv.ts';
import { writtenFixture } from '../support/fake-sources.ts';
import { createWebClient } from '../../src/app/web-client.ts';
import { createArxivWorld, RSS_PATH, storedDays, type ArxivWorld } from '../jobs/world.ts';

let world: ArxivWorld;
const running: BackgroundJobs[] = [];
afterEach(async () => {
  for (const jobs of running.splice(0)) await jobs.stop();
  await world?.dispose();
});

function createManualTrigger(): { fire: () => void; trigger: Trigger } {
  const manual: { fire: () => void; trigger: Trigger } = {
    fire: () => {},
    trigger: (fire) => ((manual.fire = fire), { stop: () => {} }),
  };
  return manual;
}

const noWait = async () => {};

function start(options: Parameters<typeof startBackgroundJobs>[2] = {}, http = world.http): BackgroundJobs {
  const jobs = startBackgroundJobs(world.context, http, {
    trigger: createManualTrigger().trigger,
    sleep: noWait,
    ...options,
  });
  running.push(jobs);
  return jobs;
}

describe('startBackgroundJobs', () => {
  it('on an empty database fetches the current day and the 6 before it, showing progress on the page', async () => {
    world = await createArxivWorld('2026-04-28T04:40:00Z');
    const api = createFakeApi();
    const seen: StatusView[] = [];
    let jobs: BackgroundJobs | undefined;
    const watch: Reply = (req, res) => (seen.push(jobs!.status()), api.reply(req, res));
    world.arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    world.arxiv.on('/api/query', watch);
    jobs = start();
    await jobs.idle();
    expect(seen.map((s) => s.activity)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `Fetching the last 7 announcement days: ${n}/7`),
    );
    expect(storedDays(world)).toEqual([
      '2026-04-20',
      '2026-04-21',
      '2026-04-22',
      '2026-04-23',
      '2026-04-24',
      '2026-04-27',
      '2026-04-28',
    ]);
    expect(jobs.status()).toEqual({ nextRunAt: '2026-04-29T04:30:00.000Z' });
  });

  it('without network says so plainly, stays up and plans a retry', async () => {
    world = await createArxivWorld('2026-04-28T04:40:00Z');
    const port = await findClosedPort();
    const offline = createHttpClient({ userAgent: 'arxiv-curator/test', minIntervalMs: 0, maxAttempts: 1 });
    let onWait!: () => void;
    const waiting = { promise: new Promise<void>((resolve) => (onWait = resolve)), resolve: () => onWait() };
    const jobs = startBackgroundJobs(
      { ...world.context, config: { ...world.context.config, rssBase: `http://127.0.0.1:${port}/rss/` } },
      offline,
      {
        trigger: createManualTrigger().trigger,
        sleep: (_ms, signal) =>
          new Promise(
            (_resolve, reject) => (waiting.resolve(), signal?.addEventListener('abort', () => reject(signal.reason))),
          ),
      },
    );
    running.push(jobs);
    await waiting.promise;
    const status = jobs.status();
    expect(status.activity).toMatch(
      /^arXiv cannot be reached \(.*127\.0\.0\.1.*\)\. Trying again at Tue, Apr 28, 00:45 New York time\.$/,
    );
    expect(status.nextRunAt).toBe('2026-04-28T04:45:00.000Z');
    const failed = world.context.db.prepare('SELECT error FROM fetch_runs').get() as { error: string };
    expect(failed.error).toContain(`127.0.0.1:${port}`);
    await jobs.stop();
    await offline.close();
  });

  it('after downtime fills the gap exactly once, and a restart with nothing missing asks for nothing', async () => {
    world = await createArxivWorld('2026-11-19T05:40:00Z');
    const api = createFakeApi();
    world.arxiv.on('/api/query', api.reply);
    world.arxiv.on(RSS_PATH, replyRssDay('2026-11-19'));
    let jobs = start();
    await jobs.idle();
    await jobs.stop();
    expect(api.windows).toHaveLength(6);

    // Twelve days later (a weekend and Thanksgiving in between).
    world.setNow('2026-12-01T05:40:00Z');
    world.arxiv.on(RSS_PATH, replyRssDay('2026-12-01'));
    jobs = start();
    await jobs.idle();
    await jobs.stop();
    // 20, 23, 24, 25, 26 and 30 Nov from the API, once each; 1 Dec from RSS.
    expect(api.windows.slice(6)).toEqual([
      '[202611181900 TO 202611191859]',
      '[202611191900 TO 202611201859]',
      '[202611201900 TO 202611231859]',
      '[202611231900 TO 202611241859]',
      '[202611241900 TO 202611251859]',
      '[202611251900 TO 202611271859]',
    ]);
    expect(new Set(api.windows).size).toBe(api.windows.length);
    expect(storedDays(world).filter((d) => d > '2026-11-19')).toEqual([
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-30',
      '2026-12-01',
    ]);

    const before = world.arxiv.requests.length;
    jobs = start();
    await jobs.idle();
    expect(world.arxiv.requests.length).toBe(before);
  });

  it('runs again when the daily trigger fires and stores the new day', async () => {
    world = await createArxivWorld('2026-04-28T04:40:00Z');
    for (const day of ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27'])
      world.ingestDay(day, []);
    world.arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    const manual = createManualTrigger();
    const jobs = start({ trigger: manual.trigger });
    await jobs.idle();
    world.setNow('2026-04-29T04:30:05Z');
    world.arxiv.on(RSS_PATH, replyRssDay('2026-04-29'));
    manual.fire();
    await jobs.idle();
    expect(storedDays(world).slice(-2)).toEqual(['2026-04-28', '2026-04-29']);
  });

  it('retries a stale feed with backoff until the new day is there', async () => {
    world = await createArxivWorld('2026-04-29T04:31:00Z');
    for (const day of ['2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27', '2026-04-28'])
      world.ingestDay(day, []);
    world.arxiv.on(RSS_PATH, replyRssDay('2026-04-28'), replyRssDay('2026-04-28'), replyRssDay('2026-04-29'));
    const waits: number[] = [];
    const jobs = start({ sleep: async (ms) => void waits.push(ms) });
    await jobs.idle();
    expect(waits).toEqual([5 * 60_000, 10 * 60_000]);
    expect(storedDays(world).at(-1)).toBe('2026-04-29');
  });
});

describe('the scheduled round', () => {
  it('after the feed reads the blogs and the popularity counts; a retry of a stale feed does not read them again', async () => {
    const feeds = join(tmpdir(), `feeds-${process.pid}-${Date.now()}.json`);
    world = await createArxivWorld('2026-04-29T04:31:00Z', { CURATOR_FEEDS: feeds, CURATOR_POPULARITY: 'on' });
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'k', title: 'K', url: `${world.arxiv.url}/k.xml` }] }));
    for (const day of ['2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27', '2026-04-28'])
      world.ingestDay(day, []);
    world.arxiv.on(RSS_PATH, replyRssDay('2026-04-28'), replyRssDay('2026-04-29'));
    world.arxiv.on('/k.xml', replyText(writtenFixture('blog-rss2-karpathy.xml')));
    // Hugging Face is down: the run still succeeds, and the day is stored.
    world.arxiv.on('/hf/api/daily_papers', replyStatus(500));
    const waits: number[] = [];
    const web = createWebClient(world.context.config, { sleep: noWait });
    const jobs = start({ sleep: async (ms) => void waits.push(ms), web });
    await jobs.idle();
    await web.close();
    rmSync(feeds);
    expect(waits).toEqual([5 * 60_000]);
    expect(storedDays(world).at(-1)).toBe('2026-04-29');
    const paths = world.arxiv.requests.map((request) => request.path.split('?')[0]);
    expect(paths.filter((path) => path === '/k.xml')).toHaveLength(1);
    // Popularity failed (two tries, then it stops for the round), so the retry asked again; it never failed the run.
    expect(paths.filter((path) => path === '/hf/api/daily_papers')).toHaveLength(2 * 2);
    const parts = world.context.db.prepare('SELECT part, ok FROM round_parts ORDER BY part').all();
    expect(parts).toEqual([
      { part: 'authors', ok: 1 },
      { part: 'blogs', ok: 1 },
      { part: 'popularity', ok: 0 },
      { part: 'reading-list', ok: 1 },
    ]);
    expect(
      world.context.db.prepare('SELECT day FROM source_items WHERE item_id LIKE ?').pluck().get('%recipe-again%'),
    ).toBe('2026-04-29');
  });
});
