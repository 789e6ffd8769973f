// Trying again after a failure, for what runs on its own (a worker thread that died, the ranking's
// store, the daily round's fetch and mail): waits that double up to a cap (fetcher/pacing.ts), so a
// failure that persists (a full disk, a bug at start-up) costs one try per cap rather than a busy
// loop; and what /healthz shows of it: the failures in a row, the last error, when the next try is.
import { backoffCeilingMs } from '../fetcher/pacing.ts';
import { firstLineOf } from '../text/first-line.ts';

export interface Backoff {
  /** The wait after the first failure; each further failure in a row doubles it... */
  firstMs: number;
  /** ...up to this. */
  capMs: number;
}

export interface RetryView {
  /** Failures in a row. */
  failures: number;
  /** The last one's reason, one line. */
  error: string;
  failedAt: string;
  /** When the next try is due. */
  retryAt: string;
}

export interface Retry {
  /** Records a failure; returns the wait before the next try. */
  fail(error: string): number;
  /** A try worked: nothing is reported, and the next failure waits `firstMs` again. */
  succeed(): void;
  /** From a failure until a try works: what /healthz shows. */
  view(): RetryView | undefined;
}

export function createRetry(backoff: Backoff, now: () => Date = () => new Date()): Retry {
  let state: RetryView | undefined;
  return {
    fail(error) {
      const failures = (state?.failures ?? 0) + 1;
      const waitMs = backoffCeilingMs(failures, backoff.firstMs, backoff.capMs);
      const at = now();
      const retryAt = new Date(at.getTime() + waitMs).toISOString();
      state = { failures, error: firstLineOf(error), failedAt: at.toISOString(), retryAt };
      return waitMs;
    },
    succeed: () => (state = undefined),
    view: () => state,
  };
}
