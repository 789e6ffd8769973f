// The last outcome of each part of the daily round (read/round-parts.ts reads it for /healthz and the page).
import type { Db } from '../db.ts';

export interface RoundPartRecord {
  /** `authors`, `reading-list`, `blogs`, `popularity`. */
  part: string;
  finishedAt: string;
  ok: boolean;
  /** One line: what the part did. */
  summary: string;
  /** One line each: what went wrong (a feed that cannot be read, an author whose feed is gone). */
  problems: readonly string[];
}

export function recordRoundPart(db: Db, record: RoundPartRecord): void {
  db.prepare(
    `INSERT INTO round_parts (part, finished_at, ok, summary, problems) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (part) DO UPDATE SET finished_at = excluded.finished_at, ok = excluded.ok,
      summary = excluded.summary, problems = excluded.problems`,
  ).run(record.part, record.finishedAt, record.ok ? 1 : 0, record.summary, JSON.stringify(record.problems));
}
