// Supervised worker threads (app/worker-thread.ts), with real threads: a thread that fails is
// logged, shown in its health and started again after a backoff that doubles up to its cap while
// it keeps failing, and starts from the first wait again once a thread has answered. Tests wait
// for the supervisor's events, never for time to pass.
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/log.ts';
import { superviseWorker, type SupervisedWorker } from '../../src/app/worker-thread.ts';

const SLEEPY = new URL('../support/sleepy-worker.ts', import.meta.url);
const FAILING = new URL('../support/failing-worker.ts', import.meta.url);

let supervised: SupervisedWorker | undefined;
afterEach(async () => await supervised?.stop());

function capturingLog() {
  const lines: string[] = [];
  return { lines, log: createLogger('info', (line) => lines.push(line)) };
}

/** One job through a sleepy worker's protocol (tests/support/sleepy-worker.ts). */
async function ask(thread: Worker, job: object): Promise<unknown> {
  thread.postMessage({ id: 1, job });
  const [reply] = (await once(thread, 'message')) as [{ result: unknown }];
  return reply.result;
}

describe('a supervised worker thread', () => {
  it('is started again after it is killed, and says so in its health and the log', async () => {
    const { lines, log } = capturingLog();
    const failures: Error[] = [];
    supervised = superviseWorker({
      name: 'sleepy',
      body: SLEEPY,
      log,
      backoff: { firstMs: 1, capMs: 1 },
      onStart: () => undefined,
      onFailure: (error) => failures.push(error),
    });
    const first = supervised.thread!;
    expect(await ask(first, { echo: 'one' })).toBe('one');
    expect(supervised.health()).toEqual({ state: 'running', restarts: 0 });
    const restarted = once(supervised.events, 'start');
    await first.terminate();
    expect(supervised.health()).toMatchObject({
      state: 'restarting',
      restarts: 0,
      lastError: expect.stringMatching(/ended/),
    });
    const [second] = (await restarted) as [Worker];
    expect(second).not.toBe(first);
    expect(await ask(second, { echo: 'two' })).toBe('two');
    expect(supervised.health()).toMatchObject({
      state: 'running',
      restarts: 1,
      lastError: expect.stringMatching(/ended/),
    });
    expect(failures).toHaveLength(1);
    expect(lines.filter((line) => / error worker\.failed thread=sleepy /.test(line))).toHaveLength(1);
    expect(lines.filter((line) => / warn worker\.restarted thread=sleepy restarts=1/.test(line))).toHaveLength(1);
  });

  it('passes an uncaught error of the thread to its owner and restarts it', async () => {
    const { log } = capturingLog();
    supervised = superviseWorker({
      name: 'sleepy',
      body: SLEEPY,
      log,
      backoff: { firstMs: 1, capMs: 1 },
      onStart: () => {},
    });
    const failed = once(supervised.events, 'failure');
    const restarted = once(supervised.events, 'start');
    supervised.thread!.postMessage({ id: 1, job: { crash: 'out of cheese' } });
    const [error] = (await failed) as [Error];
    expect(error.message).toBe('out of cheese');
    await restarted;
    expect(await ask(supervised.thread!, { echo: 'back' })).toBe('back');
  });

  it('waits longer after each failure in a row, up to its cap, rather than looping', async () => {
    const { lines, log } = capturingLog();
    supervised = superviseWorker({
      name: 'broken',
      body: FAILING,
      log,
      backoff: { firstMs: 5, capMs: 20 },
      onStart: () => {},
    });
    for (let i = 0; i < 5; i++) await once(supervised.events, 'failure');
    const waits = lines
      .filter((line) => line.includes('worker.failed'))
      .map((line) => Number(/restart_in_ms=(\d+)/.exec(line)![1]));
    expect(waits).toEqual([5, 10, 20, 20, 20]);
    expect(lines.find((line) => line.includes('worker.failed'))).toContain('broken at start-up');
    expect(supervised.health()).toMatchObject({
      state: 'restarting',
      restarts: 4,
      lastError: 'broken at start-up',
      restartAt: expect.any(String),
    });
  });

  it('starts from the first wait again once a thread has answered', async () => {
    const { lines, log } = capturingLog();
    supervised = superviseWorker({
      name: 'sleepy',
      body: SLEEPY,
      log,
      backoff: { firstMs: 5, capMs: 1000 },
      onStart: () => {},
    });
    for (let i = 0; i < 3; i++) {
      const restarted = once(supervised.events, 'start');
      // Killed before it answered anything: each failure waits twice as long...
      await supervised.thread!.terminate();
      await restarted;
    }
    expect(await ask(supervised.thread!, { echo: 'working' })).toBe('working');
    const restarted = once(supervised.events, 'start');
    await supervised.thread!.terminate();
    await restarted;
    const waits = lines
      .filter((line) => line.includes('worker.failed'))
      .map((line) => /restart_in_ms=(\d+)/.exec(line)![1]);
    // ...until one answered: the next failure waits the first wait again.
    expect(waits).toEqual(['5', '10', '20', '5']);
  });

  it('starts none again once stopped', async () => {
    supervised = superviseWorker({ name: 'sleepy', body: SLEEPY, log: capturingLog().log, onStart: () => {} });
    let starts = 0;
    supervised.events.on('start', () => starts++);
    await supervised.stop();
    expect(supervised.thread).toBeUndefined();
    expect(supervised.health()).toEqual({ state: 'stopped', restarts: 0 });
    expect(starts).toBe(0);
  });
});
