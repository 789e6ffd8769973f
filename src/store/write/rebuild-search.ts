// Fills the search index from the stored papers (the migrations that build it): files each paper
// under its day, then indexes them in key order (day, then rowid: FTS5 writes ascending rowids
// without flushing), a batch at a time, saying how far it got every REPORT_EVERY papers.
// The driver's type, not db.ts's: migrations.ts (which db.ts runs) calls this module.
import type Database from 'better-sqlite3';
import { prepareSearchIndex } from './search-index.ts';

const BATCH = 1000;
const REPORT_EVERY = 10_000;

interface StoredPaper {
  rowid: number;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
  search_day: string;
}

export function rebuildSearchIndex(
  db: Database.Database,
  report: (event: string, fields: Record<string, number>) => void,
): void {
  const started = Date.now();
  // The latest announcement, else the date of the latest version, of the first, of storing
  // (search-text.ts, datePaper).
  db.exec(`UPDATE papers SET search_day = coalesce(
    (SELECT max(day) FROM announcements a WHERE a.paper_id = papers.id),
    substr(coalesce(updated, published, first_seen), 1, 10))`);
  const order = db.prepare('SELECT rowid FROM papers ORDER BY search_day, rowid').pluck().all() as number[];
  const read = db.prepare<[number], StoredPaper>(
    'SELECT rowid, title, abstract, authors, categories, search_day FROM papers WHERE rowid = ?',
  );
  const index = prepareSearchIndex(db);
  report('search.rebuild.start', { papers: order.length });
  for (let done = 0; done < order.length;) {
    for (const rowid of order.slice(done, done + BATCH)) {
      const row = read.get(rowid)!;
      index.add(row.rowid, row.search_day, {
        title: row.title,
        abstract: row.abstract,
        authors: JSON.parse(row.authors) as string[],
        categories: JSON.parse(row.categories) as string[],
      });
    }
    index.flush();
    done = Math.min(order.length, done + BATCH);
    if (done % REPORT_EVERY === 0) report('search.rebuild.progress', { papers: done, of: order.length });
  }
  report('search.rebuild.end', { papers: order.length, ms: Date.now() - started });
}
