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

/** A supervised thread of `body`, its log captured; `waits()` lists the restart waits it logged. */
function supervise(body: URL, backoff = { firstMs: 1, capMs: 1 }, onFailure?: (error: Error) => void) {
  const lines: string[] = [];
  const log = createLogger('info', (line) => lines.push(line));
  const worker = superviseWorker({ name: 'test', body, log, backoff, onStart: () => undefined, onFailure });
  supervised = worker;
  const waits = (): number[] =>
    lines.filter((line) => line.includes('worker.failed')).map((line) => Number(/restart_in_ms=(\d+)/.exec(line)![1]));
  return { worker, lines, waits };
}

/** One job through a sleepy worker's protocol (tests/support/sleepy-worker.ts). */
async function ask(thread: Worker, job: object): Promise<unknown> {
  thread.postMessage({ id: 1, job });
  const [reply] = (await once(thread, 'message')) as [{ result: unknown }];
  return reply.result;
}

/** Kills the running thread and waits for the next one. */
async function killAndWait(worker: SupervisedWorker): Promise<Worker> {
  const restarted = once(worker.events, 'start');
  await worker.thread!.terminate();
  return ((await restarted) as [Worker])[0];
}

describe('a supervised worker thread', () => {
  it('is started again after it is killed, and says so in its health and the log', async () => {
    const failures: Error[] = [];
    const { worker, lines } = supervise(SLEEPY, undefined, (error) => failures.push(error));
    const first = worker.thread!;
    expect(await ask(first, { echo: 'one' })).toBe('one');
    expect(worker.health()).toEqual({ state: 'running', restarts: 0 });
    const restarted = once(worker.events, 'start');
    await first.terminate();
    expect(worker.health()).toMatchObject({
      state: 'restarting',
      restarts: 0,
      lastError: expect.stringMatching(/ended/),
    });
    const [second] = (await restarted) as [Worker];
    expect(second).not.toBe(first);
    expect(await ask(second, { echo: 'two' })).toBe('two');
    expect(worker.health()).toMatchObject({ state: 'running', restarts: 1, lastError: expect.stringMatching(/ended/) });
    expect(failures).toHaveLength(1);
    expect(lines.filter((line) => / error worker\.failed thread=test /.test(line))).toHaveLength(1);
    expect(lines.filter((line) => / warn worker\.restarted thread=test restarts=1/.test(line))).toHaveLength(1);
  });

  it('passes an uncaught error of the thread to its owner and restarts it', async () => {
    const { worker } = supervise(SLEEPY);
    const failed = once(worker.events, 'failure');
    const restarted = once(worker.events, 'start');
    worker.thread!.postMessage({ id: 1, job: { crash: 'out of cheese' } });
    const [error] = (await failed) as [Error];
    expect(error.message).toBe('out of cheese');
    await restarted;
    expect(await ask(worker.thread!, { echo: 'back' })).toBe('back');
  });

  it('waits longer after each failure in a row, up to its cap, rather than looping', async () => {
    const { worker, lines, waits } = supervise(FAILING, { firstMs: 5, capMs: 20 });
    for (let i = 0; i < 5; i++) await once(worker.events, 'failure');
    expect(waits()).toEqual([5, 10, 20, 20, 20]);
    expect(lines.find((line) => line.includes('worker.failed'))).toContain('broken at start-up');
    expect(worker.health()).toMatchObject({
      state: 'restarting',
      restarts: 4,
      lastError: 'broken at start-up',
      restartAt: expect.any(String),
    });
  });

  it('starts from the first wait again once a thread has answered', async () => {
    const { worker, waits } = supervise(SLEEPY, { firstMs: 5, capMs: 1000 });
    // Killed before it answered anything: each failure waits twice as long...
    for (let i = 0; i < 3; i++) await killAndWait(worker);
    expect(await ask(worker.thread!, { echo: 'working' })).toBe('working');
    await killAndWait(worker);
    // ...until one answered: the next failure waits the first wait again.
    expect(waits()).toEqual([5, 10, 20, 5]);
  });

  it('starts none again once stopped', async () => {
    const { worker } = supervise(SLEEPY);
    let starts = 0;
    worker.events.on('start', () => starts++);
    await worker.stop();
    expect(worker.thread).toBeUndefined();
    expect(worker.health()).toEqual({ state: 'stopped', restarts: 0 });
    expect(starts).toBe(0);
  });
});
