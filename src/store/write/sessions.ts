// Sign-in sessions (routes/login.ts through actions/sessions.ts): each row one session's id hash.
import type { Db } from '../db.ts';

/** Stores a session until `expiresAt` (ms since the epoch), dropping the expired ones. */
export function insertSession(db: Db, idHash: string, expiresAt: number, now: number): void {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  db.prepare('INSERT INTO sessions (id_hash, expires_at) VALUES (?, ?)').run(idHash, expiresAt);
}

/** Ends a session; false when there was none. */
export function deleteSession(db: Db, idHash: string): boolean {
  return db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash).changes > 0;
}
