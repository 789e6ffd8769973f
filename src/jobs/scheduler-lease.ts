// One scheduler per database: the `serve` that holds the `scheduler` lease runs the background
// jobs and renews the lease; another `serve` on the same database serves pages only and takes
// over when the lease is given back, expires, or its holder's process has ended.
import type { Context } from '../app/context.ts';
import {
  createLeaseOwner,
  extendLease,
  giveBackLease,
  isLeaseLive,
  takeLease,
  type LeaseOwner,
} from '../app/leases.ts';
import { sleepFor, type Sleep } from '../sleep.ts';
import { getLease } from '../store/read/leases.ts';
import { writeSoon } from '../app/write.ts';

const LEASE = 'scheduler';

export type SchedulerRole = { role: 'active' } | { role: 'standby'; holder: string };

export interface LeaseOptions {
  /** Starts the jobs once the lease is ours; `stop()` ends them when it is lost or at the end. */
  start: () => { stop(): Promise<void> };
  onRole: (role: SchedulerRole) => void;
  signal: AbortSignal;
  /** Who holds it: serve gives the threads it starts one owner, so a restarted one takes the lease back at once. */
  owner?: LeaseOwner;
  ttlMs?: number;
  renewMs?: number;
  /** How often a standby process looks whether the lease is free. */
  pollMs?: number;
  sleep?: Sleep;
  now?: () => number;
}

/** Runs until `signal` aborts; then stops the jobs (if they run here) and gives the lease back. */
export async function runWithSchedulerLease(context: Context, options: LeaseOptions): Promise<void> {
  const { ttlMs = 30_000, renewMs = 10_000, pollMs = 1_000, sleep = sleepFor, now = Date.now } = options;
  const owner = options.owner ?? createLeaseOwner(context.writeLock.label);
  let jobs: { stop(): Promise<void> } | undefined;
  let standbyOf: string | undefined;
  try {
    while (!options.signal.aborted) {
      if (jobs === undefined) {
        const current = getLease(context.db, LEASE);
        // A read first: a standby looks every second and must not queue for the write lock to do so.
        const free = current === undefined || current.token === owner.token || !isLeaseLive(current, now());
        const outcome = free
          ? await writeSoon(context, () => takeLease(context.db, LEASE, owner, now(), ttlMs), options.signal)
          : { taken: false as const, holder: current.holder };
        if (outcome.taken) {
          jobs = options.start();
          standbyOf = undefined;
          options.onRole({ role: 'active' });
        } else if (outcome.holder !== standbyOf) {
          standbyOf = outcome.holder;
          options.onRole({ role: 'standby', holder: outcome.holder });
        }
      } else if (!(await writeSoon(context, () => extendLease(context.db, LEASE, owner, now(), ttlMs)))) {
        context.log.warn('scheduler.lease_lost', { reason: 'another process took the scheduler lease' });
        await jobs.stop();
        jobs = undefined;
      }
      await sleep(jobs === undefined ? pollMs : renewMs, options.signal).catch(() => undefined);
    }
  } finally {
    await jobs?.stop();
    if (jobs !== undefined) await writeSoon(context, () => giveBackLease(context.db, LEASE, owner));
  }
}
