// Waiting: the one timer every pause uses (pacing, backoff, the scheduler, the write lock, the
// mail's retries). It is injected as `Sleep` wherever tests must not wait for real time.
import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`; rejects with the signal's reason when it is aborted. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real Sleep: a timer that rejects with the signal's reason when aborted. */
export const sleepFor: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};
