// Fills the search index from the stored papers (migration 4), in rowid order, a batch at a time,
// saying how far it got every REPORT_EVERY papers: at a million papers this takes minutes.
// The driver's type, not db.ts's: migrations.ts (which db.ts runs) calls this module.
import type Database from 'better-sqlite3';
import { datePaper } from '../search-text.ts';
import { prepareSearchIndex } from './search-index.ts';

const BATCH = 1000;
const REPORT_EVERY = 10_000;

interface StoredPaper {
  rowid: number;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
  updated: string | null;
  published: string | null;
  first_seen: string;
  announced: string | null;
}

export function rebuildSearchIndex(
  db: Database.Database,
  report: (event: string, fields: Record<string, number>) => void,
): void {
  const total = db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
  const batch = db.prepare<[number], StoredPaper>(`
    SELECT p.rowid, p.title, p.abstract, p.authors, p.categories, p.updated, p.published, p.first_seen,
      (SELECT max(day) FROM announcements a WHERE a.paper_id = p.id) AS announced
    FROM papers p WHERE p.rowid > ? ORDER BY p.rowid LIMIT ${BATCH}`);
  const setDay = db.prepare<[string, number]>('UPDATE papers SET search_day = ? WHERE rowid = ?');
  const index = prepareSearchIndex(db);
  const started = Date.now();
  report('search.rebuild.start', { papers: total });
  let done = 0;
  for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows.at(-1)!.rowid)) {
    for (const row of rows) {
      const day = row.announced ?? datePaper(row, row.first_seen);
      setDay.run(day, row.rowid);
      index.add(row.rowid, day, {
        title: row.title,
        abstract: row.abstract,
        authors: JSON.parse(row.authors) as string[],
        categories: JSON.parse(row.categories) as string[],
      });
      if (++done % REPORT_EVERY === 0) report('search.rebuild.progress', { papers: done, of: total });
    }
  }
  report('search.rebuild.end', { papers: done, ms: Date.now() - started });
}
