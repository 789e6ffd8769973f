// Whether this thread's event loop has been busy since it was last asked (performance's event-loop
// utilization: the share of the time it was not waiting for events). serve's web thread answers
// HTTP; background work nobody is waiting for (the ranking's first training after a start) waits
// while it is busy, so it does not take the cores from the pages asked for at that moment.
import { performance } from 'node:perf_hooks';

/** Busy: more than `threshold` of the time since the last call spent running, not waiting. */
export const LOOP_BUSY_SHARE = 0.25;

export function createLoopGauge(threshold = LOOP_BUSY_SHARE): () => boolean {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization > threshold;
    last = now;
    return busy;
  };
}
