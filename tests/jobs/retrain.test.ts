// The server's ranking is trained on a worker thread: after a save the model follows (its
// fingerprint says from what), the recent days' scores are stored with it, and requests are
// answered while it trains.
import { afterEach, describe, expect, it } from 'vitest';
import { startRetrainer, type Retrainer } from '../../src/jobs/retrain.ts';
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
    retrainer = startRetrainer(world.context, 60_000);
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
    while (getRankModel(db)?.kind !== 'tfidf-logistic') {
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
    expect(page).toContain('<section id=foryou><h2>For you (10)</h2>');
  }, 60_000);
});
