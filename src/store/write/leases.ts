// Taking, renewing and giving back leases, and recording exchanges with a remote (read/leases.ts
// reads them). The caller decides, in the same write transaction, whether a lease may be taken.
import type { Db } from '../db.ts';
import type { StoredLease } from '../read/leases.ts';

export function putLease(db: Db, lease: StoredLease): void {
  db.prepare(
    `INSERT INTO leases (name, token, holder, pid, host, expires_at)
    VALUES (@name, @token, @holder, @pid, @host, @expiresAt)
    ON CONFLICT (name) DO UPDATE SET token = excluded.token, holder = excluded.holder, pid = excluded.pid,
      host = excluded.host, expires_at = excluded.expires_at`,
  ).run(lease);
}

/** Extends our lease; false when it is no longer ours (it expired and another process took it). */
export function renewLease(db: Db, name: string, token: string, expiresAt: number): boolean {
  return (
    db.prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND token = ?').run(expiresAt, name, token).changes > 0
  );
}

export function dropLease(db: Db, name: string, token: string): void {
  db.prepare('DELETE FROM leases WHERE name = ? AND token = ?').run(name, token);
}

export function recordExchange(db: Db, remote: string, startedAt: number, endedAt: number): void {
  db.prepare(
    `INSERT INTO request_pacing (remote, last_start_at, last_end_at) VALUES (?, ?, ?)
    ON CONFLICT (remote) DO UPDATE SET last_start_at = excluded.last_start_at, last_end_at = excluded.last_end_at`,
  ).run(remote, startedAt, endedAt);
}
