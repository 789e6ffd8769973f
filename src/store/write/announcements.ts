// Announcements: which paper (and version) arXiv announced on which day, and how.
import type { Db } from '../db.ts';
import type { AnnounceType } from '../../types.ts';

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
    -- Only a real change writes: every write moves the data version (its triggers), and every page with it.
    WHERE coalesce(excluded.version, 0) > coalesce(announcements.version, 0)
      OR ${rankSql('excluded.announce_type')} < ${rankSql('announcements.announce_type')}`);
  return { upsert };
}

function rankSql(column: string): string {
  const cases = Object.entries(TYPE_RANK)
    .map(([type, rank]) => `WHEN '${type}' THEN ${rank}`)
    .join(' ');
  return `(CASE ${column} ${cases} END)`;
}

/**
 * Marks a day as stored (also an empty one: a weekend or holiday feed is a real answer).
 * Returns 1 when the day is new or its paper count changed, else 0.
 */
export function markDayStored(db: Db, day: string, source: string, now: string): number {
  return db
    .prepare(
      `
    INSERT INTO days (day, papers, source, stored_at)
    VALUES (?, (SELECT count(*) FROM announcements WHERE day = ?), ?, ?)
    ON CONFLICT (day) DO UPDATE SET papers = excluded.papers, stored_at = excluded.stored_at
    WHERE days.papers IS NOT excluded.papers`,
    )
    .run(day, day, source, now).changes;
}

/** A stored day's paper count after papers joined it from elsewhere; a day not stored stays unstored. */
export function refreshDayCount(db: Db, day: string, now: string): number {
  return db
    .prepare(
      `UPDATE days SET papers = (SELECT count(*) FROM announcements WHERE day = @day), stored_at = @now
      WHERE day = @day AND papers IS NOT (SELECT count(*) FROM announcements WHERE day = @day)`,
    )
    .run({ day, now }).changes;
}
