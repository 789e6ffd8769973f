// serve's scheduler thread (jobs/scheduler-thread.ts), a real worker thread on a SQLite file: killed,
// it is started again after its backoff, says so in the status and its health meanwhile, and takes
// the scheduler lease back at once (the same owner, not "another serve"); it stars (and unstars) an
// author when the web thread asks, editing authors.json and re-flagging the stored papers there, and
// sends a refusal back with its status. arXiv is a closed port on 127.0.0.1.
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import type { SchedulerRole } from '../../src/jobs/scheduler-lease.ts';
import { startSchedulerThread, type SchedulerThread } from '../../src/jobs/scheduler-thread.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { makePaper } from '../support/build-db.ts';
import { findClosedPort } from '../support/fake-arxiv.ts';
import { QUIET_ROUND_ENV } from '../support/quiet-round.ts';

const SHIPPED = fileURLToPath(new URL('../../config/authors.json', import.meta.url));

let dir: string;
let env: NodeJS.ProcessEnv;
let context: Context;
let scheduler: SchedulerThread | undefined;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'curator-scheduler-thread-'));
  const closed = `http://127.0.0.1:${await findClosedPort()}`;
  env = {
    ...QUIET_ROUND_ENV,
    CURATOR_DB: join(dir, 'curator.db'),
    CURATOR_AUTHORS: join(dir, 'authors.json'),
    LOG_LEVEL: 'silent',
    ARXIV_RSS_BASE: `${closed}/rss/`,
    ARXIV_API_URL: `${closed}/api/query`,
  };
  writeFileSync(env['CURATOR_AUTHORS']!, readFileSync(SHIPPED));
  context = openContext(loadConfig(env), { log: silentLogger });
  const papers = [
    makePaper({ id: '2609.00001', title: 'By Ada', authors: ['Ada Lovelace', 'Alan Turing'] }),
    makePaper({ id: '2609.00002', title: 'By Ada again', authors: ['A. Lovelace'] }),
  ];
  ingestFeed(
    context.db,
    { format: 'rss', announcedOn: '2026-09-24', papers },
    {
      source: 'rss',
      categories: context.config.categories,
      flags: context.starred.current(),
      now: '2026-09-24T04:00:00Z',
    },
  );
});
afterEach(async () => {
  await scheduler?.stop('SIGTERM');
  scheduler = undefined;
  context.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the next role the thread reports. */
function roles() {
  const waiting: ((role: SchedulerRole) => void)[] = [];
  return {
    onRole: (role: SchedulerRole) => waiting.shift()?.(role),
    next: () => new Promise<SchedulerRole>((resolve) => waiting.push(resolve)),
  };
}

const flagged = () => context.db.prepare('SELECT paper_id, author_id FROM starred ORDER BY 1').all();

describe('the scheduler thread', () => {
  it('is started again once killed, takes its lease back at once, and says so meanwhile', async () => {
    const role = roles();
    const first = role.next();
    scheduler = startSchedulerThread({
      env,
      log: silentLogger,
      onRole: role.onRole,
      backoff: { firstMs: 1, capMs: 1 },
    });
    expect(await first).toEqual({ role: 'active' });
    const restarted = once(scheduler.worker.events, 'start');
    const again = role.next();
    await scheduler.worker.thread!.terminate();
    expect(scheduler.health()).toMatchObject({ state: 'restarting', lastError: expect.stringMatching(/ended/) });
    expect(scheduler.status().activity).toMatch(/^The scheduler stopped \(the thread ended unasked/);
    await expect(scheduler.star('2609.00001', 0)).rejects.toThrow('the scheduler thread is not running');
    await restarted;
    // The lease's owner is the web thread's: the new thread is not kept waiting for the old one's lease to expire.
    expect(await again).toEqual({ role: 'active' });
    expect(scheduler.health()).toMatchObject({ state: 'running', restarts: 1 });
  }, 60_000);

  it('stars and unstars a paper’s author when asked, the file edited and every stored paper re-flagged there', async () => {
    scheduler = startSchedulerThread({ env, log: silentLogger, onRole: () => undefined });
    expect(flagged()).toEqual([]);
    expect(await scheduler.star('2609.00001', 0)).toEqual({
      result: { authorId: 'ada-lovelace', name: 'Ada Lovelace', starred: true, reflagged: 2, papers: 2 },
    });
    expect(readFileSync(env['CURATOR_AUTHORS']!, 'utf8')).toContain('{ "id": "ada-lovelace", "name": "Ada Lovelace" }');
    expect(flagged()).toEqual([
      { paper_id: '2609.00001', author_id: 'ada-lovelace' },
      { paper_id: '2609.00002', author_id: 'ada-lovelace' },
    ]);
    expect(await scheduler.star('2609.00002', 0)).toMatchObject({ result: { starred: false, papers: 2 } });
    expect(readFileSync(env['CURATOR_AUTHORS']!, 'utf8')).not.toContain('ada-lovelace');
    expect(flagged()).toEqual([]);
    expect(await scheduler.star('2609.00001', 7)).toEqual({
      refused: { status: 400, message: 'the paper has no author number 8' },
    });
  }, 60_000);
});
