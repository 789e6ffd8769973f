// The server's ranking is trained and stored on a worker thread: after a save the model follows
// (its fingerprint says from what), the recent days' scores are stored with it, and requests are
// answered while it trains. A store that fails is tried again after a doubling wait, never in a
// loop; a killed thread comes back and trains.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/log.ts';
import { markStoredPapers } from '../../src/actions/marks.ts';
import { startRetrainer, type Retrainer } from '../../src/jobs/retrain-thread.ts';
import { TFIDF_KIND } from '../../src/rank/tfidf-ranker.ts';
import { getRankModel, readStoredScores } from '../../src/store/read/model.ts';
import { readTrainingFingerprint } from '../../src/store/read/training.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';

let world: TestWorld | undefined;
let retrainer: Retrainer | undefined;
afterEach(async () => {
  await retrainer?.stop();
  world?.close();
});

describe('the retrainer', () => {
  it('trains on a worker after a save while the server keeps answering, and stores the scores with the model', async () => {
    world = createTestWorld();
    const day = buildRealisticDay({ day: '2026-09-24', count: 1310, starred: 0, idPrefix: '2609' });
    world.ingestDay('2026-09-24', day);
    const { db } = world.context;
    retrainer = startRetrainer(world.context, { intervalMs: 60_000 });
    const app = createApp({ context: world.context, holidays: new Set(), onWrite: () => retrainer!.poke() });
    // Nothing to learn from yet: a model that says so.
    await expect.poll(() => getRankModel(db)?.kind, { timeout: 30_000 }).toBe('none');
    const saved = await app.request(`/papers/${day[0]!.id}/save`, {
      method: 'POST',
      headers: { origin: 'http://localhost' },
    });
    expect(saved.status).toBe(303);
    // While the worker trains, this thread answers requests: one per turn of the event loop (the
    // worker's answer arrives as an event), so a training that held this thread would let through
    // one or two at most.
    let answered = 0;
    while (getRankModel(db)?.kind !== TFIDF_KIND) {
      expect((await app.request('/healthz')).status).toBe(200);
      answered++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(answered).toBeGreaterThan(2);
    expect(getRankModel(db)!.fingerprint).toBe(readTrainingFingerprint(db));
    const scores = readStoredScores(
      db,
      day.map((paper) => paper.id),
    );
    expect(scores.size).toBe(1310);
    const page = await (await app.request('/digest/2026-09-24')).text();
    expect(page).toMatch(
      /<section id=foryou><h2>For you \(\d+\)<\/h2><p class=m>The ranking is still learning: 1 save so far/,
    );
  }, 60_000);

  it('waits while the web thread is busy to train what nobody asked for, and trains a save at once', async () => {
    const { day, log, context } = worldOf200();
    let looks = 0;
    let answering = true;
    const looked: (() => void)[] = [];
    const busy = () => (looks++, looked.splice(0).forEach((resolve) => resolve()), answering);
    const lookedAgain = (count: number) =>
      new Promise<void>((resolve) => {
        const wait = () => (looks >= count ? resolve() : looked.push(wait));
        wait();
      });
    // Looks 10 ms apart rather than serve's second: the test waits on the looks, not on the clock.
    retrainer = startRetrainer(context, { busy, intervalMs: 60_000, patienceMs: 600_000, lookMs: 10 });
    // The first training after the start waits while the web thread answers, looking again each time,
    // and starts once it was idle a few looks in a row.
    await lookedAgain(3);
    expect(getRankModel(context.db)).toBeUndefined();
    expect(log.lines.filter((line) => line.includes('rank.trained'))).toEqual([]);
    answering = false;
    await log.until((lines) => lines.some((line) => line.includes('rank.trained kind=none')));
    // A save is trained on at once, however busy the web thread is: every look from now on finds
    // it busy, and a training that waited for it to be idle would wait the 600 s patience.
    answering = true;
    await markStoredPapers(context, [day[0]!.id], { kind: 'saved', undo: false });
    retrainer.poke();
    await log.until((lines) => lines.some((line) => line.includes(`rank.trained kind=${TFIDF_KIND}`)));
  }, 60_000);

  it('tries a failed store again after a doubling wait up to its cap, and says so until one works', async () => {
    world = createTestWorld();
    const day = buildRealisticDay({ day: '2026-09-24', count: 200, starred: 0, idPrefix: '2609' });
    world.ingestDay('2026-09-24', day);
    const { db } = world.context;
    // A full disk, as SQLite reports it, for the model's table only.
    db.exec(
      `CREATE TRIGGER full BEFORE INSERT ON rank_model BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    const log = logWaiter();
    retrainer = startRetrainer({ ...world.context, log: log.logger }, { backoff: { firstMs: 20, capMs: 80 } });
    await log.until((lines) => lines.filter((line) => line.includes('rank.store_failed')).length >= 4);
    const waits = log.lines
      .filter((line) => line.includes('rank.store_failed'))
      .map((line) => Number(/retry_in_ms=(\d+)/.exec(line)![1]));
    expect(waits.slice(0, 4)).toEqual([20, 40, 80, 80]);
    expect(log.lines[0]).toContain('database or disk is full');
    expect(retrainer.retry()).toMatchObject({ failures: expect.any(Number), error: 'database or disk is full' });
    expect(retrainer.retry()!.failures).toBeGreaterThanOrEqual(4);
    db.exec('DROP TRIGGER full');
    await log.until((lines) => lines.some((line) => line.includes('rank.trained')));
    expect(retrainer.retry()).toBeUndefined();
    expect(getRankModel(db)?.kind).toBe('none');
  }, 60_000);

  it('makes no read on the web thread to know when to train: the ranking thread checks on its own connection', async () => {
    const { day, log, context } = worldOf200();
    // During another process's big import a read can wait milliseconds: none may be the web thread's.
    const db = new Proxy(context.db, {
      get: (target, key) =>
        key === 'prepare'
          ? () => {
              throw new Error('the web thread read the database');
            }
          : (Reflect.get(target, key) as unknown),
    });
    retrainer = startRetrainer({ ...context, db }, { intervalMs: 60_000 });
    await log.until((lines) => lines.some((line) => line.includes('rank.trained kind=none')));
    await markStoredPapers(context, [day[0]!.id], { kind: 'saved', undo: false });
    retrainer.poke();
    await log.until((lines) => lines.some((line) => line.includes(`rank.trained kind=${TFIDF_KIND}`)));
    expect(log.lines.filter((line) => line.includes('the web thread read'))).toEqual([]);
  }, 60_000);

  it('comes back when its thread is killed, and trains on what changed meanwhile', async () => {
    const { day, log, context } = worldOf200();
    retrainer = startRetrainer(context, { restartBackoff: { firstMs: 1, capMs: 1 } });
    await log.until((lines) => lines.some((line) => line.includes('rank.trained kind=none')));
    const restarted = once(retrainer.worker.events, 'start');
    await retrainer.worker.thread!.terminate();
    expect(retrainer.health()).toMatchObject({ state: 'restarting' });
    await markStoredPapers(context, [day[0]!.id], { kind: 'saved', undo: false });
    await restarted;
    await log.until((lines) => lines.some((line) => line.includes(`rank.trained kind=${TFIDF_KIND}`)));
    expect(getRankModel(context.db)!.fingerprint).toBe(readTrainingFingerprint(context.db));
    expect(retrainer.health()).toMatchObject({ state: 'running', restarts: 1 });
  }, 60_000);
});

/** A 200-paper day stored, and its context with a log the test can wait on. */
function worldOf200() {
  world = createTestWorld();
  const day = buildRealisticDay({ day: '2026-09-24', count: 200, starred: 0, idPrefix: '2609' });
  world.ingestDay('2026-09-24', day);
  const log = logWaiter();
  return { day, log, context: { ...world.context, log: log.logger } };
}

/** A logger whose lines a test can wait on. */
function logWaiter() {
  const lines: string[] = [];
  const waiters: { test: (lines: string[]) => boolean; resolve: () => void }[] = [];
  const logger = createLogger('info', (line) => {
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.test(lines))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  return {
    lines,
    logger,
    until: (test: (lines: string[]) => boolean) =>
      new Promise<void>((resolve) => (test(lines) ? resolve() : waiters.push({ test, resolve }))),
  };
}
