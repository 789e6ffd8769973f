// Leases and the pacing record shared by every process on one database (the `leases` and
// `request_pacing` tables of store/migrations.ts).
import type { Db } from '../db.ts';

export interface StoredLease {
  name: string;
  token: string;
  holder: string;
  pid: number;
  host: string;
  /** ms since the epoch. */
  expiresAt: number;
}

export function getLease(db: Db, name: string): StoredLease | undefined {
  return db
    .prepare<[string], StoredLease>(
      'SELECT name, token, holder, pid, host, expires_at AS expiresAt FROM leases WHERE name = ?',
    )
    .get(name);
}

export interface Pacing {
  lastStartAt: number;
  lastEndAt: number;
}

export function getPacing(db: Db, remote: string): Pacing | undefined {
  return db
    .prepare<[string], Pacing>(
      'SELECT last_start_at AS lastStartAt, last_end_at AS lastEndAt FROM request_pacing WHERE remote = ?',
    )
    .get(remote);
}
