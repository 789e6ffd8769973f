// Read marks of the reading list, and the stored papers behind its arXiv entries.
import type { Db } from '../db.ts';

/** When each entry was marked read, by entry id. */
export function getReadMarks(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT entry_id AS id, read_at AS at FROM reading_marks').all() as {
    id: string;
    at: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.at]));
}

export interface StoredAbstract {
  id: string;
  version: number | null;
  abstract: string;
}

/** The stored abstracts of these arXiv ids (those not stored are missing from the map). */
export function getAbstracts(db: Db, ids: readonly string[]): Map<string, StoredAbstract> {
  const get = db.prepare<[string], StoredAbstract>('SELECT id, version, abstract FROM papers WHERE id = ?');
  const found = new Map<string, StoredAbstract>();
  for (const id of ids) {
    const row = get.get(id);
    if (row !== undefined) found.set(id, row);
  }
  return found;
}
