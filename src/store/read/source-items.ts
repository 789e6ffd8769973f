// Items of followed feeds (blogs): a day's new ones, the newest for the combined feed, all of them
// for the archive, and full-text search over their titles and summaries.
import type { Db } from '../db.ts';
import type { SourceItem } from '../../types.ts';

interface ItemRow {
  feedId: string;
  feedTitle: string;
  id: string;
  title: string;
  url: string | null;
  summary: string;
  published: string | null;
  firstSeen: string;
  day: string;
}

const COLUMNS = `i.feed_id AS feedId, i.feed_title AS feedTitle, i.item_id AS id, i.title, i.url, i.summary,
  i.published, i.first_seen AS firstSeen, i.day`;
// Newest first by the feed's own date, else by when we first saw it.
const NEWEST_FIRST = 'ORDER BY coalesce(i.published, i.first_seen) DESC, i.feed_id, i.item_id';

function toItem(row: ItemRow): SourceItem {
  const { url, published, ...rest } = row;
  return { ...rest, ...(url !== null && { url }), ...(published !== null && { published }) };
}

/** The items first seen for announcement day `day`. */
export function getDayItems(db: Db, day: string): SourceItem[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM source_items i WHERE i.day = ? ${NEWEST_FIRST}`).all(day);
  return (rows as ItemRow[]).map(toItem);
}

/** The newest items of every feed; `limit` -1 for all (the archive). */
export function listItems(db: Db, limit: number): SourceItem[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM source_items i ${NEWEST_FIRST} LIMIT ?`).all(limit);
  return (rows as ItemRow[]).map(toItem);
}

/** Items matching every word of `text` (each quoted, so no FTS5 syntax is interpreted), best first. */
export function searchItems(db: Db, text: string, limit = 20): SourceItem[] {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  const query = words
    .slice(0, 32)
    .map((word) => `"${word}"`)
    .join(' ');
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM source_items_fts f JOIN source_items i ON i.rowid = f.rowid
      WHERE source_items_fts MATCH ? ORDER BY bm25(source_items_fts, 5.0, 1.0) LIMIT ?`,
    )
    .all(query, limit);
  return (rows as ItemRow[]).map(toItem);
}
