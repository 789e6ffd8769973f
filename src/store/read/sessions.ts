// Sign-in sessions: is this one current?
import type { Db } from '../db.ts';

export function isSessionCurrent(db: Db, idHash: string, now: number): boolean {
  return db.prepare('SELECT 1 FROM sessions WHERE id_hash = ? AND expires_at > ?').get(idHash, now) !== undefined;
}
