// Which announcement days are stored, and their neighbours.
import type { Db } from '../db.ts';

export interface StoredDay {
  day: string;
  papers: number;
  source: string;
  storedAt: string;
}

export function listStoredDays(db: Db, options: { withPapers?: boolean; limit?: number } = {}): StoredDay[] {
  const where = options.withPapers ? 'WHERE papers > 0' : '';
  return db
    .prepare(`SELECT day, papers, source, stored_at AS storedAt FROM days ${where} ORDER BY day DESC LIMIT ?`)
    .all(options.limit ?? -1) as StoredDay[];
}

export function isDayStored(db: Db, day: string): boolean {
  return db.prepare('SELECT 1 FROM days WHERE day = ?').get(day) !== undefined;
}

/** The nearest announcement day with papers before and after `day`. */
export function findNeighbourDays(db: Db, day: string): { previous?: string; next?: string } {
  const previous = db.prepare('SELECT max(day) AS d FROM days WHERE papers > 0 AND day < ?').get(day) as {
    d: string | null;
  };
  const next = db.prepare('SELECT min(day) AS d FROM days WHERE papers > 0 AND day > ?').get(day) as {
    d: string | null;
  };
  return { ...(previous.d !== null && { previous: previous.d }), ...(next.d !== null && { next: next.d }) };
}
