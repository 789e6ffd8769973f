// The job runner: one run at a time, retries with growing waits, none past the next scheduled run.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.ts';
import { createJobRunner, type RunOutcome } from '../../src/jobs/scheduler.ts';

const MIN = 60_000;

/** A clock that only moves when the runner sleeps. */
function createFakeTime(start: string) {
  let now = new Date(start).getTime();
  const waits: number[] = [];
  return {
    waits,
    now: () => new Date(now),
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createJobRunner', () => {
  it('never overlaps: a trigger during a slow run waits for it, and extra triggers fold into one', async () => {
    const time = createFakeTime('2026-04-28T12:00:00Z');
    const gates = [deferred(), deferred()];
    let running = 0;
    let most = 0;
    let runs = 0;
    const runner = createJobRunner({
      log: silentLogger,
      ...time,
      run: async (): Promise<RunOutcome> => {
        running += 1;
        most = Math.max(most, running);
        await gates[runs++]!.promise;
        running -= 1;
        return { ok: true };
      },
    });
    runner.fire();
    runner.fire();
    runner.fire();
    expect(runner.state().running).toBe(true);
    gates[0]!.resolve();
    await new Promise((r) => setImmediate(r));
    expect(runs).toBe(2);
    gates[1]!.resolve();
    await runner.idle();
    expect({ runs, most }).toEqual({ runs: 2, most: 1 });
  });

  it('retries a failed run after 5, 10 and 20 minutes, then succeeds and stops retrying', async () => {
    const time = createFakeTime('2026-04-28T12:00:00Z');
    const outcomes: RunOutcome[] = [
      { ok: false, reason: 'no network' },
      { ok: false, reason: 'no network' },
      { ok: false, reason: 'stale' },
      { ok: true },
    ];
    const runner = createJobRunner({ log: silentLogger, ...time, run: async () => outcomes.shift()! });
    runner.fire();
    await runner.idle();
    expect(time.waits).toEqual([5 * MIN, 10 * MIN, 20 * MIN]);
    expect(runner.state()).toEqual({ running: false });
    expect(runner.retry()).toBeUndefined();
  });

  it('doubles the wait up to an hour, and waits an hour from then on', async () => {
    const time = createFakeTime('2026-04-28T12:00:00Z');
    let calls = 0;
    const runner = createJobRunner({
      log: silentLogger,
      ...time,
      run: async () => (++calls > 7 ? { ok: true } : { ok: false, reason: 'no network' }),
    });
    runner.fire();
    await runner.idle();
    expect(time.waits).toEqual([5, 10, 20, 40, 60, 60, 60].map((minutes) => minutes * MIN));
  });

  it('counts a thrown error as a failure and reports it while waiting to retry', async () => {
    const time = createFakeTime('2026-04-28T12:00:00Z');
    let calls = 0;
    const blocked = deferred();
    const runner = createJobRunner({
      log: silentLogger,
      now: time.now,
      retryBackoff: { firstMs: 10 * MIN, capMs: 60 * MIN },
      sleep: async (ms, signal) => {
        time.waits.push(ms);
        await new Promise<void>((resolve, reject) => {
          blocked.resolve();
          signal?.addEventListener('abort', () => reject(signal.reason));
        });
      },
      run: async () => {
        calls += 1;
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
    });
    runner.fire();
    await blocked.promise;
    expect(runner.state()).toEqual({
      running: false,
      retryAt: new Date('2026-04-28T12:10:00Z'),
      problem: 'connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(runner.retry()).toEqual({
      failures: 1,
      error: 'connect ECONNREFUSED 127.0.0.1:9',
      failedAt: '2026-04-28T12:00:00.000Z',
      retryAt: '2026-04-28T12:10:00.000Z',
    });
    await runner.stop();
    expect(calls).toBe(1);
  });

  it('gives up retrying when the next wait would reach the next scheduled run', async () => {
    // Thursday 23:50 New York time; the scheduled run is at 00:30, 40 minutes later.
    const time = createFakeTime('2026-03-06T04:50:00Z');
    let calls = 0;
    const runner = createJobRunner({
      log: silentLogger,
      ...time,
      retryBackoff: { firstMs: 15 * MIN, capMs: 60 * MIN },
      run: async () => ({ ok: false, reason: `stale ${++calls}` }),
    });
    runner.fire();
    await runner.idle();
    expect({ calls, waits: time.waits }).toEqual({ calls: 2, waits: [15 * MIN] });
    expect(runner.state().problem).toBe('stale 2');
  });
});
