// /healthz in serve shows its threads and the retries waiting: a thread that failed and waits for
// its restart, or a background write that failed and waits to be tried again, makes it degraded
// with the reason; once they are back it is ok again, and the restart stays on record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundHealth, HealthProbes } from '../../src/routes/health.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
const probes: HealthProbes = { freeBytes: () => 20 * 1024 ** 3, canWrite: () => true };
beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-09-24', [makePaper()]);
  world.recordFetch({ at: '2026-09-25T04:05:00Z', status: 200, day: '2026-09-25' });
});
afterEach(() => world.close());

async function health(background: BackgroundHealth) {
  const app = createApp({ context: world.context, holidays: new Set(), probes, background: () => background });
  const response = await app.request('/healthz');
  return { code: response.status, body: (await response.json()) as Record<string, unknown> };
}

const running = { state: 'running', restarts: 0 } as const;
const failure = { lastError: 'out of memory', lastFailureAt: '2026-09-25T12:00:00.000Z' };

describe('/healthz and the threads of serve', () => {
  it('is ok while every thread runs and nothing waits to be retried, and lists them', async () => {
    const threads = { 'render 1': running, scheduler: running, ranking: running };
    expect(await health({ threads, retries: {} })).toEqual({
      code: 200,
      body: expect.objectContaining({ status: 'ok', reasons: [], threads, retries: {} }),
    });
  });

  it('is degraded, saying which and until when, while a thread waits to restart or a write to be retried', async () => {
    const scheduler = { state: 'restarting', restarts: 2, ...failure, restartAt: '2026-09-25T12:00:04.000Z' } as const;
    const ranking = {
      failures: 3,
      error: 'database or disk is full',
      failedAt: '2026-09-25T12:00:00.000Z',
      retryAt: '2026-09-25T12:00:40.000Z',
    };
    expect(await health({ threads: { scheduler, ranking: running }, retries: { ranking } })).toEqual({
      code: 200,
      body: expect.objectContaining({
        status: 'degraded',
        reasons: [
          'the scheduler thread failed (out of memory); it restarts at 2026-09-25T12:00:04.000Z',
          'the ranking failed 3 times in a row (database or disk is full); it tries again at 2026-09-25T12:00:40.000Z',
        ],
        threads: { scheduler, ranking: running },
        retries: { ranking },
      }),
    });
  });

  it('is ok again once the thread is back, the restart and its cause on record', async () => {
    const back = { state: 'running', restarts: 1, ...failure } as const;
    expect(await health({ threads: { scheduler: back }, retries: {} })).toMatchObject({
      code: 200,
      body: { status: 'ok', threads: { scheduler: back } },
    });
  });
});
