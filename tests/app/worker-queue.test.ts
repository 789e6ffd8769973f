// The bounded queue of worker threads behind serve's renders (app/worker-queue.ts), with real threads.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkQueue, QueueClosedError, QueueFullError, type WorkQueue } from '../../src/app/worker-queue.ts';
import { createHold, release, started, type Hold } from '../support/hold.ts';

type Job = { echo?: string; fail?: string; exit?: boolean; hold?: Hold };
const ENTRY = new URL('../support/sleepy-worker-entry.mjs', import.meta.url);

let queue: WorkQueue<Job, string> | undefined;
afterEach(async () => await queue?.close());

describe('the work queue', () => {
  it('runs jobs on a worker, refuses at once beyond the queue, and goes on afterwards', async () => {
    queue = createWorkQueue<Job, string>({ entry: ENTRY, size: 1, maxQueued: 1 });
    const hold = createHold();
    const running = queue.run({ hold, echo: 'first' });
    const queued = queue.run({ echo: 'second' });
    await started(hold);
    await expect(queue.run({ echo: 'third' })).rejects.toBeInstanceOf(QueueFullError);
    release(hold);
    expect(await Promise.all([running, queued])).toEqual(['first', 'second']);
    expect(await queue.run({ echo: 'fourth' })).toBe('fourth');
  });

  it("passes a job's failure on, and replaces a worker that died", async () => {
    queue = createWorkQueue<Job, string>({ entry: ENTRY, size: 1, maxQueued: 4 });
    await expect(queue.run({ fail: 'no such page' })).rejects.toThrow('no such page');
    await expect(queue.run({ exit: true })).rejects.toThrow(/ended|exited/);
    expect(await queue.run({ echo: 'alive' })).toBe('alive');
  });

  it('fails the jobs in hand and those waiting as "closed" when it closes, and refuses new ones', async () => {
    const closing = createWorkQueue<Job, string>({ entry: ENTRY, size: 1, maxQueued: 4 });
    const hold = createHold(); // never released: only closing ends that job
    const outcomes = Promise.allSettled([closing.run({ hold, echo: 'held' }), closing.run({ echo: 'next' })]);
    // The worker has the first job before the queue closes.
    await started(hold);
    await closing.close();
    const [running, waiting] = await outcomes;
    expect(running.status === 'rejected' && running.reason).toBeInstanceOf(QueueClosedError);
    expect(waiting.status === 'rejected' && waiting.reason).toBeInstanceOf(QueueClosedError);
    await expect(closing.run({ echo: 'late' })).rejects.toBeInstanceOf(QueueClosedError);
  });
});
