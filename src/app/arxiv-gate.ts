// arXiv's terms of use count per user, not per process: one request at a time and
// ARXIV_MIN_INTERVAL_MS between the end of one exchange and the start of the next hold across
// every process on the database (a `serve`, a hand-run `fetch`, a second `serve`). A lease says
// who is talking to arXiv; the pacing record says when the last exchange ended.
import type { Context } from './context.ts';
import type { RequestGate } from '../fetcher/pacing.ts';
import type { Sleep } from '../sleep.ts';
import { getLease, getPacing } from '../store/read/leases.ts';
import { recordExchange } from '../store/write/leases.ts';
import { writeTransactionAsync } from '../store/write/lock.ts';
import { createLeaseOwner, giveBackLease, isLeaseLive, takeLease } from './leases.ts';

const LEASE = 'arxiv-request';
const REMOTE = 'arxiv';
/** How often a process waiting for another's request looks again. */
const POLL_MS = 200;

export interface SharedGateOptions {
  minIntervalMs: number;
  /** Longer than any one attempt may take (the HTTP client's deadline), so a live request keeps it. */
  leaseMs: number;
  sleep: Sleep;
  /** The wall clock every process shares (not CURATOR_NOW's). */
  now?: () => number;
}

type Step = { go: true; startedAt: number } | { go: false; waitMs: number; lastEndAt: number | undefined };

export function createSharedGate(context: Context, options: SharedGateOptions): RequestGate {
  const { db } = context;
  const now = options.now ?? Date.now;
  const owner = createLeaseOwner(context.writeLock.label);
  // The end of an exchange whose pause we have already slept: an injected sleep that returns at
  // once (tests) must not make us spin, and a real one has waited it out.
  const decide = (at: number, waited: number | undefined): Step => {
    const lease = getLease(db, LEASE);
    if (lease !== undefined && lease.token !== owner.token && isLeaseLive(lease, at))
      return { go: false, waitMs: Math.min(POLL_MS, lease.expiresAt - at), lastEndAt: undefined };
    const lastEndAt = getPacing(db, REMOTE)?.lastEndAt;
    const waitMs = lastEndAt === undefined || lastEndAt === waited ? 0 : lastEndAt + options.minIntervalMs - at;
    if (waitMs > 0) return { go: false, waitMs: Math.min(waitMs, options.minIntervalMs), lastEndAt };
    takeLease(db, LEASE, owner, at, options.leaseMs);
    return { go: true, startedAt: at };
  };
  return {
    async enter(signal) {
      let waited: number | undefined;
      for (;;) {
        const step = await writeTransactionAsync(db, () => decide(now(), waited), { ...context.writeLock, signal });
        if (step.go) return { leave: () => leave(step.startedAt) };
        waited = step.lastEndAt;
        await options.sleep(step.waitMs, signal);
      }
    },
  };

  async function leave(startedAt: number): Promise<void> {
    // Not abortable: a stopping process still records its last exchange and frees the lease.
    await writeTransactionAsync(
      db,
      () => {
        recordExchange(db, REMOTE, startedAt, now());
        giveBackLease(db, LEASE, owner);
      },
      context.writeLock,
    );
  }
}
