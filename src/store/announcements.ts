// Announcements: which paper (and version) arXiv announced on which day, and how.
import type { Db } from './db.ts';
import type { AnnounceType } from '../types.ts';

/**
 * A paper appears once per day whatever feeds it came through. When two feeds disagree on the
 * type (a cs.LG `new` seen as a `cross` in the stat.ML feed), the type that says more wins.
 */
const TYPE_RANK: Record<AnnounceType, number> = { new: 0, replace: 1, cross: 2, 'replace-cross': 3 };

export function prepareAnnouncementStatements(db: Db) {
  const upsert = db.prepare<[string, string, number | null, AnnounceType, string]>(`
    INSERT INTO announcements (day, paper_id, version, announce_type, source) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (day, paper_id) DO UPDATE SET
      version = max(coalesce(excluded.version, 0), coalesce(announcements.version, 0)),
      announce_type = CASE WHEN ${rankSql('excluded.announce_type')} < ${rankSql('announcements.announce_type')}
        THEN excluded.announce_type ELSE announcements.announce_type END
    -- Only a real change counts (ingestFeed bumps the data generation on changes).
    WHERE coalesce(excluded.version, 0) > coalesce(announcements.version, 0)
      OR ${rankSql('excluded.announce_type')} < ${rankSql('announcements.announce_type')}`);
  return { upsert };
}

function rankSql(column: string): string {
  const cases = Object.entries(TYPE_RANK).map(([type, rank]) => `WHEN '${type}' THEN ${rank}`).join(' ');
  return `(CASE ${column} ${cases} END)`;
}

/** Marks a day as stored (also an empty one: a weekend or holiday feed is a real answer). */
/** Returns 1 when the day is new or its paper count changed, else 0. */
export function markDayStored(db: Db, day: string, source: string, now: string): number {
  return db.prepare(`
    INSERT INTO days (day, papers, source, stored_at)
    VALUES (?, (SELECT count(*) FROM announcements WHERE day = ?), ?, ?)
    ON CONFLICT (day) DO UPDATE SET papers = excluded.papers, stored_at = excluded.stored_at
    WHERE days.papers IS NOT excluded.papers`).run(day, day, source, now).changes;
}

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
  const previous = db.prepare('SELECT max(day) AS d FROM days WHERE papers > 0 AND day < ?').get(day) as { d: string | null };
  const next = db.prepare('SELECT min(day) AS d FROM days WHERE papers > 0 AND day > ?').get(day) as { d: string | null };
  return { previous: previous.d ?? undefined, next: next.d ?? undefined };
}
