// The bounded queue of worker threads behind serve's renders (app/worker-queue.ts), with real threads.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.ts';
import { createWorkQueue, QueueClosedError, QueueFullError, type WorkQueue } from '../../src/app/worker-queue.ts';
import { createHold, release, started, type Hold } from '../support/hold.ts';

type Job = { echo?: string; fail?: string; exit?: boolean; hold?: Hold };
const BODY = new URL('../support/sleepy-worker.ts', import.meta.url);

const OPTIONS = { body: BODY, name: 'sleepy', log: silentLogger, backoff: { firstMs: 1, capMs: 1 } };

let queue: WorkQueue<Job, string> | undefined;
afterEach(async () => await queue?.close());

describe('the work queue', () => {
  it('runs jobs on a worker, refuses at once beyond the queue, and goes on afterwards', async () => {
    queue = createWorkQueue<Job, string>({ ...OPTIONS, size: 1, maxQueued: 1 });
    const hold = createHold();
    const running = queue.run({ hold, echo: 'first' });
    const queued = queue.run({ echo: 'second' });
    await started(hold);
    await expect(queue.run({ echo: 'third' })).rejects.toBeInstanceOf(QueueFullError);
    release(hold);
    expect(await Promise.all([running, queued])).toEqual(['first', 'second']);
    expect(await queue.run({ echo: 'fourth' })).toBe('fourth');
  });

  it('runs a low job (a search) behind the others, and lets low jobs hold at most half of the waiting places', async () => {
    queue = createWorkQueue<Job, string>({ ...OPTIONS, size: 1, maxQueued: 4 });
    const done: string[] = [];
    const run = (echo: string, low: boolean) => queue!.run({ echo }, { low }).then((result) => done.push(result));
    const hold = createHold();
    const busy = queue.run({ hold, echo: 'busy' }).then((result) => done.push(result));
    await started(hold);
    const searches = [run('search 1', true), run('search 2', true)];
    await expect(queue.run({ echo: 'search 3' }, { low: true })).rejects.toBeInstanceOf(QueueFullError);
    const pages = [run('page 1', false), run('page 2', false)];
    release(hold);
    await Promise.all([busy, ...searches, ...pages]);
    expect(done).toEqual(['busy', 'page 1', 'page 2', 'search 1', 'search 2']);
  });

  it("passes a job's failure on, and replaces a worker that died", async () => {
    queue = createWorkQueue<Job, string>({ ...OPTIONS, size: 1, maxQueued: 4 });
    await expect(queue.run({ fail: 'no such page' })).rejects.toThrow('no such page');
    await expect(queue.run({ exit: true })).rejects.toThrow(/ended|exited/);
    expect(await queue.run({ echo: 'alive' })).toBe('alive');
  });

  it('starts a killed thread again after its backoff, and says so in its health', async () => {
    queue = createWorkQueue<Job, string>({ ...OPTIONS, size: 2, maxQueued: 4 });
    const [first] = queue.workers;
    const restarted = once(first!.events, 'start');
    await first!.thread!.terminate();
    expect(queue.health()['sleepy 1']).toMatchObject({
      state: 'restarting',
      lastError: expect.stringMatching(/ended/),
    });
    await restarted;
    expect(queue.health()).toMatchObject({
      'sleepy 1': { state: 'running', restarts: 1 },
      'sleepy 2': { state: 'running', restarts: 0 },
    });
    expect(await Promise.all([queue.run({ echo: 'a' }), queue.run({ echo: 'b' })])).toEqual(['a', 'b']);
  });

  it('fails the jobs in hand and those waiting as "closed" when it closes, and refuses new ones', async () => {
    const closing = createWorkQueue<Job, string>({ ...OPTIONS, size: 1, maxQueued: 4 });
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
