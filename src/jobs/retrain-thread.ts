// The web thread's side of the ranking's thread (retrain-worker.ts), which trains and stores the
// model: keeps it current from a running server, having that thread check the fingerprint every
// `intervalMs` and when poked (a read this thread never makes), one training at a time; inputs
// that changed during a training are trained on right after it. A training or a store that fails
// (a full disk) is tried again after a backoff, shown in /healthz meanwhile; the thread itself is
// supervised (app/worker-thread.ts). A training nobody asked for (the first after a start, a new
// day's) waits for the web thread to be idle a few seconds, at most RETRAIN_PATIENCE_MS: on two
// cores its CPU, and its garbage collector's helper threads, slowed every page a fresh serve
// answered; a poke (the reader's save) trains at once.
import { createRetry, type Backoff, type RetryView } from '../app/backoff.ts';
import type { Context } from '../app/context.ts';
import { superviseWorker, type SupervisedWorker, type ThreadHealth } from '../app/worker-thread.ts';
import type { CheckReply, RetrainReply, RetrainRequest, RetrainWorkerData } from './retrain-worker.ts';

export interface Retrainer {
  /** Checks the inputs now (after a save, a hide, a new day) rather than at the next poll. */
  poke(): void;
  /** A failed training or store waiting to be tried again. */
  retry(): RetryView | undefined;
  health(): ThreadHealth;
  readonly worker: SupervisedWorker;
  stop(): Promise<void>;
}

export interface RetrainerOptions {
  intervalMs?: number;
  /** Waits before trying a failed training or store again (default RETRAIN_BACKOFF). */
  backoff?: Backoff;
  /** Between restarts of the thread (default: the supervisor's). */
  restartBackoff?: Backoff;
  /** Whether the web thread is busy answering now (serve: app/loop-gauge.ts); default never. */
  busy?: () => boolean;
  /** How long a training nobody asked for waits for the web thread to be idle (default RETRAIN_PATIENCE_MS). */
  patienceMs?: number;
  /** Between looks at the web thread while such a training waits (default a second). */
  lookMs?: number;
}

/** A minute: under a steady load the ranking still follows the data. */
export const RETRAIN_PATIENCE_MS = 60_000;
/**
 * Looks in a row (a second apart) that found the web thread idle before such a training: the wait
 * for a fresh serve's first page leaves it idle for a second or two just before the page is read.
 */
const IDLE_LOOKS = 3;

/** 10 s, 20 s, 40 s … at most 10 minutes between tries while training or storing fails. */
export const RETRAIN_BACKOFF: Backoff = { firstMs: 10_000, capMs: 10 * 60_000 };

export function startRetrainer(context: Context, options: RetrainerOptions = {}): Retrainer {
  const { log } = context;
  const retry = createRetry(options.backoff ?? RETRAIN_BACKOFF, context.now);
  let busy = false;
  // A check sent to the thread and not answered yet, and whether a save asked for it.
  let checking: { asked: boolean } | undefined;
  let stopped = false;
  let waiting: NodeJS.Timeout | undefined;
  // While a training waits for the web thread to be idle: since when, and the next look.
  let deferredAt: number | undefined;
  let deferred: NodeJS.Timeout | undefined;
  let idleLooks = 0;
  const intervalMs = options.intervalMs ?? 5000;

  const failed = (step: string, error: string) => {
    busy = false;
    const waitMs = retry.fail(error);
    log.error(`rank.${step}_failed`, { error, retry_in_ms: waitMs });
    waiting = setTimeout(() => {
      waiting = undefined;
      check();
    }, waitMs);
    waiting.unref();
  };
  const done = (reply: RetrainReply | CheckReply) => {
    if (stopped) return;
    if ('changed' in reply) return checked(reply);
    if (!reply.ok) return failed(reply.step, reply.error);
    busy = false;
    retry.succeed();
    log.info('rank.trained', { kind: reply.kind, scored: reply.scored });
    check();
  };
  const data: RetrainWorkerData = { dbPath: context.config.dbPath, logLevel: context.config.logLevel };
  const worker = superviseWorker({
    name: 'ranking',
    body: new URL('./retrain-worker.ts', import.meta.url),
    worker: { workerData: data },
    log,
    unref: true,
    ...(options.restartBackoff && { backoff: options.restartBackoff }),
    onStart: (thread) => {
      thread.on('message', done);
      // A new thread after a failure: whatever the old one was doing is asked again.
      if (!busy) setImmediate(check);
    },
    onFailure: (error) => {
      checking = undefined;
      if (busy) failed('train', `the ranking thread failed: ${error.message}`);
    },
  });

  /** Whether a training nobody asked for waits (and looks again in a second). */
  const waitsForIdle = (): boolean => {
    if (options.busy === undefined) return false;
    idleLooks = options.busy() ? 0 : idleLooks + 1;
    if (idleLooks >= IDLE_LOOKS) return false;
    deferredAt ??= performance.now();
    if (performance.now() - deferredAt >= (options.patienceMs ?? RETRAIN_PATIENCE_MS)) return false;
    deferred ??= setTimeout(
      () => {
        deferred = undefined;
        check();
      },
      Math.min(options.lookMs ?? 1000, intervalMs),
    );
    deferred.unref();
    return true;
  };

  /** Asks the thread whether the model is behind its inputs; `asked`: a save, trained on at once. */
  function check(asked = false): void {
    if (checking !== undefined) {
      checking.asked ||= asked;
      return;
    }
    if (busy || stopped || waiting !== undefined || worker.thread === undefined) return;
    checking = { asked };
    worker.thread.postMessage({ check: true } satisfies RetrainRequest);
  }

  function checked(reply: CheckReply): void {
    const asked = checking?.asked ?? false;
    checking = undefined;
    if (reply.error !== undefined) return log.error('rank.train_failed', { error: reply.error });
    if (reply.changed) train(asked);
  }

  function train(asked: boolean): void {
    const thread = worker.thread;
    if (busy || stopped || waiting !== undefined || thread === undefined) return;
    if (!asked && waitsForIdle()) return;
    deferredAt = undefined;
    idleLooks = 0;
    busy = true;
    const request: RetrainRequest = { names: [...context.starred.current().names], at: context.now().toISOString() };
    thread.postMessage(request);
  }
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return {
    poke: () => setImmediate(check, true),
    retry: () => retry.view(),
    health: () => worker.health(),
    worker,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(waiting);
      clearTimeout(deferred);
      await worker.stop();
    },
  };
}
