// Worker threads, started and watched one way (serve's render threads, its scheduler and its
// ranking, import's parser). A thread that fails (an uncaught error, or an end nobody asked for)
// is logged, shown in /healthz (health()), its owner told so that it fails what the thread had in
// hand, and a new one is started after a backoff: a thread that fails as it starts costs one try
// per cap, never a tight loop. A thread that has answered once works, and its next failure starts
// the backoff from the beginning.
import { EventEmitter } from 'node:events';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRetry, type Backoff } from './backoff.ts';
import type { Logger } from './log.ts';

/** Running from the sources (the tests, `npm run dev`) rather than dist/: workers then load TypeScript. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * A thread running `body`, named as in the sources (`new URL('./x.ts', import.meta.url)`): from
 * dist/, its compiled `x.js` itself; from the sources, through app/source-worker.mjs.
 */
export function spawnWorker(body: URL, options: WorkerOptions = {}): Worker {
  if (!FROM_SOURCES) return new Worker(new URL(body.href.replace(/\.ts$/, '.js')), options);
  return new Worker(new URL('./source-worker.mjs', import.meta.url), { ...options, argv: [body.href] });
}

/** A supervised thread as /healthz shows it. */
export interface ThreadHealth {
  /** `restarting`: it failed, and a new one starts at `restartAt`. */
  state: 'running' | 'restarting' | 'stopped';
  /** Threads started again after a failure, since the start. */
  restarts: number;
  lastError?: string;
  lastFailureAt?: string;
  restartAt?: string;
}

export interface SupervisedWorker {
  /** The running thread; undefined while a failed one waits for its restart, and once stopped. */
  readonly thread: Worker | undefined;
  health(): ThreadHealth;
  /** `start` (a thread, the first or a new one), `failure` (an Error): for tests that wait for them. */
  readonly events: EventEmitter;
  /**
   * Ends the thread; none is started again. With `ask` the thread is asked to end itself (it is
   * terminated after `graceMs`), else it is terminated at once.
   */
  stop(options?: { ask?: (thread: Worker) => void; graceMs?: number }): Promise<void>;
}

export interface SuperviseOptions {
  /** How the log and /healthz name it: `scheduler`, `ranking`, `render 1`. */
  name: string;
  /** The thread's module as the sources name it (see spawnWorker). */
  body: URL;
  worker?: WorkerOptions;
  log: Logger;
  /** Each thread started, the first and every new one: attach its message handlers here. */
  onStart: (thread: Worker) => void;
  /** The thread failed: fail what it had in hand (its replies will not come). */
  onFailure?: (error: Error) => void;
  backoff?: Backoff;
  /** Lets the process end while the thread runs (it works only for others). */
  unref?: boolean;
  now?: () => Date;
}

/** 1 s, 2 s, 4 s … 5 minutes between restarts while a thread keeps failing. */
export const RESTART_BACKOFF: Backoff = { firstMs: 1_000, capMs: 5 * 60_000 };

export function superviseWorker(options: SuperviseOptions): SupervisedWorker {
  const retry = createRetry(options.backoff ?? RESTART_BACKOFF, options.now);
  const events = new EventEmitter();
  let thread: Worker | undefined;
  let stopped = false;
  let restarts = 0;
  let lastFailure: { error: string; at: string } | undefined;
  let timer: NodeJS.Timeout | undefined;

  const start = () => {
    const current = spawnWorker(options.body, options.worker);
    thread = current;
    if (options.unref) current.unref();
    let failed = false;
    const fail = (error: Error) => {
      if (failed || stopped) return;
      failed = true;
      thread = undefined;
      const waitMs = retry.fail(error.message);
      lastFailure = { error: retry.view()!.error, at: retry.view()!.failedAt };
      options.log.error('worker.failed', { thread: options.name, error: error.message, restart_in_ms: waitMs });
      options.onFailure?.(error);
      events.emit('failure', error);
      timer = setTimeout(() => {
        timer = undefined;
        restarts += 1;
        options.log.warn('worker.restarted', { thread: options.name, restarts });
        start();
      }, waitMs);
      if (options.unref) timer.unref();
    };
    current.on('error', fail);
    current.on('exit', (code) => fail(new Error(`the thread ended unasked (exit code ${code})`)));
    current.once('message', () => retry.succeed());
    options.onStart(current);
    events.emit('start', current);
  };
  start();

  return {
    get thread() {
      return thread;
    },
    events,
    health: () => ({
      state: stopped ? 'stopped' : thread ? 'running' : 'restarting',
      restarts,
      ...(lastFailure && { lastError: lastFailure.error, lastFailureAt: lastFailure.at }),
      ...(!stopped && !thread && { restartAt: retry.view()?.retryAt }),
    }),
    async stop({ ask, graceMs = 10_000 } = {}) {
      stopped = true;
      clearTimeout(timer);
      const current = thread;
      thread = undefined;
      if (current === undefined) return;
      if (ask === undefined) return void (await current.terminate());
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      ask(current);
      let late: NodeJS.Timeout | undefined;
      const lateness = new Promise<'late'>((resolve) => (late = setTimeout(() => resolve('late'), graceMs)));
      if ((await Promise.race([exited, lateness])) === 'late') await current.terminate();
      clearTimeout(late);
    },
  };
}
