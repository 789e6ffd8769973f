// Leases shared by the processes on one database (the `leases` table of store/migrations.ts): one
// holder per name until the lease expires or its holder's process ends. A lease is taken inside a
// write transaction, so two processes can never both take it.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../store/db.ts';
import { getLease, type StoredLease } from '../store/read/leases.ts';
import { isProcessAlive } from './process.ts';
import { dropLease, putLease, renewLease } from '../store/write/leases.ts';

/** Who takes leases: one per process and purpose (a `serve`'s scheduler, an arXiv client). */
export interface LeaseOwner {
  token: string;
  /** `serve (pid 4242)`, as other processes name the holder. */
  holder: string;
  pid: number;
  host: string;
}

export function createLeaseOwner(label: string): LeaseOwner {
  return { token: randomUUID(), holder: `${label} (pid ${process.pid})`, pid: process.pid, host: hostname() };
}

/** A lease stands until it expires; one whose holder was a process of this host that has ended is free at once. */
export function isLeaseLive(lease: StoredLease, nowMs: number): boolean {
  if (lease.expiresAt <= nowMs) return false;
  return lease.host !== hostname() || isProcessAlive(lease.pid);
}

export type TakeOutcome = { taken: true } | { taken: false; holder: string; expiresAt: number };

/** Takes (or extends) the lease unless another owner holds it; inside the caller's write transaction. */
export function takeLease(db: Db, name: string, owner: LeaseOwner, nowMs: number, ttlMs: number): TakeOutcome {
  const current = getLease(db, name);
  if (current !== undefined && current.token !== owner.token && isLeaseLive(current, nowMs))
    return { taken: false, holder: current.holder, expiresAt: current.expiresAt };
  putLease(db, { name, ...owner, expiresAt: nowMs + ttlMs });
  return { taken: true };
}

/** Extends our lease; false when it was lost (it expired and another owner took it). */
export function extendLease(db: Db, name: string, owner: LeaseOwner, nowMs: number, ttlMs: number): boolean {
  return renewLease(db, name, owner.token, nowMs + ttlMs);
}

export function giveBackLease(db: Db, name: string, owner: LeaseOwner): void {
  dropLease(db, name, owner.token);
}
