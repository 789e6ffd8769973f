// Pacing: Retry-After parsing, exponential backoff with full jitter, linked abort signals and the
// one-at-a-time queue. Real timers only in linkSignals() (and src/sleep.ts's sleepFor).
import type { Sleep } from '../sleep.ts';

/**
 * Retry-After (RFC 9110 §10.2.3) is either delta-seconds or an HTTP-date.
 * Returns the wait in ms (0 for a date in the past), or undefined when the header is
 * absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // RFC 9110 §5.6.7: IMF-fixdate, plus the obsolete RFC 850 and asctime forms, which Date.parse reads.
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Exponential backoff: the wait before retry number `retry` (from 1), doubling from `baseMs` up to `capMs`. */
export function backoffCeilingMs(retry: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
}

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a uniform wait in [0, backoffCeilingMs], so clients that failed together do not come back together.
 */
export function computeBackoffMs(
  retry: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(retry, baseMs, capMs));
}

/** "10 s", "1.5 s", "300 ms": durations as they appear in one-line error messages. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * One signal that aborts when any of `parents` does, or after `timeoutMs` (then `timedOut()`
 * is true). Listeners are removed by dispose(), so a process-long parent signal does not
 * collect one listener per request.
 */
export function linkSignals(parents: (AbortSignal | undefined)[], timeoutMs?: number) {
  const controller = new AbortController();
  let timedOut = false;
  const sources = parents.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const source of sources) {
    if (source.aborted) controller.abort(source.reason);
    else source.addEventListener('abort', onAbort, { once: true });
  }
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`deadline of ${formatDuration(timeoutMs)} reached`));
        }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      for (const source of sources) source.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * A FIFO of one: each task starts after the previous one settled. A caller whose signal
 * aborts while queued leaves at once, yet the next in line still waits for the running task.
 */
export function createQueue() {
  let tail: Promise<void> = Promise.resolve();
  return async function runInTurn<T>(signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    const previous = tail;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    tail = previous.then(() => mine);
    try {
      await waitUnlessAborted(previous, signal);
      return await task();
    } finally {
      release();
    }
  };
}

function waitUnlessAborted(turn: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void turn.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** Why a signal aborted, as an Error (AbortController.abort() may be given anything). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}

/**
 * Who may send the next request, and when: one request at a time and a pause between the end of
 * one exchange and the start of the next. The client asks before every attempt, retries included.
 * createLocalGate paces one process; the app wires one that every process on a database shares.
 */
export interface RequestGate {
  /** Resolves when this client may send; `leave()` once the exchange has ended (whatever its outcome). */
  enter(signal: AbortSignal): Promise<{ leave(): Promise<void> }>;
}

/**
 * The pause counts from the END of the previous exchange, so start-to-start is at least the
 * interval as well, and a slow connection set-up can never make the remote see two requests
 * closer together than the interval. The clamp keeps a wall clock stepping backwards from
 * stretching the wait.
 */
export function createLocalGate(options: { minIntervalMs: number; now: () => number; sleep: Sleep }): RequestGate {
  let lastEndMs: number | undefined;
  return {
    async enter(signal) {
      const since = lastEndMs === undefined ? Infinity : options.now() - lastEndMs;
      const waitMs = Math.min(options.minIntervalMs, Math.max(0, options.minIntervalMs - since));
      if (waitMs > 0) await options.sleep(waitMs, signal);
      if (signal.aborted) throw abortReason(signal);
      return {
        leave: () => {
          lastEndMs = options.now();
          return Promise.resolve();
        },
      };
    },
  };
}
