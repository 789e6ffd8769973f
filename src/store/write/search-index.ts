// Keeps the full-text table in step with `papers` (see migrations.ts and ../search-text.ts).
// Maintained from code, not triggers: FTS5 flushes its pending terms to a new segment whenever a
// statement savepoint closes (a trigger) or a rowid is lower than the one written before it
// (sqlite3Fts5IndexBeginWrite), and a segment a paper made the import four times slower. Keys are
// by date and an import's papers come in any date order, so changes wait here and go to FTS5 in
// key order when the caller flushes (once per ingest, before it commits).
// The driver's type, not db.ts's: migrations.ts (which db.ts runs) calls this module.
import type Database from 'better-sqlite3';
import { searchKey, toIndexedText, type PaperText } from '../search-text.ts';

interface StoredText {
  title: string;
  abstract: string;
  authors: string;
  categories: string;
}

/** A change waiting for the flush: a paper to index under a key, or a key to forget. */
type Change = { key: number; paper: PaperText } | { key: number; paper: undefined };

export function prepareSearchIndex(db: Database.Database) {
  const addText = db.prepare<[number, string, string, string, string]>(
    'INSERT INTO papers_fts (rowid, title, abstract, authors, categories) VALUES (?, ?, ?, ?, ?)',
  );
  const removeText = db.prepare<[number]>('DELETE FROM papers_fts WHERE rowid = ?');
  const stored = db.prepare<[number | bigint], StoredText>(
    'SELECT title, abstract, authors, categories FROM papers WHERE rowid = ?',
  );
  const redate = db.prepare<[string, number | bigint]>('UPDATE papers SET search_day = ? WHERE rowid = ?');
  const pending: Change[] = [];
  const apply = (change: Change) => {
    if (change.paper === undefined) {
      removeText.run(change.key);
      return;
    }
    const text = toIndexedText(change.paper);
    addText.run(change.key, text.title, text.abstract, text.authors, text.categories);
  };
  return {
    /** Indexes a paper stored under `rowid` and filed under `day`. */
    add: (rowid: number | bigint, day: string, paper: PaperText) => pending.push({ key: searchKey(day, rowid), paper }),
    /** Forgets what the index holds for a paper filed under `day`. */
    remove: (rowid: number | bigint, day: string) => pending.push({ key: searchKey(day, rowid), paper: undefined }),
    /** Files a paper whose text did not change under a later day. */
    move(rowid: number | bigint, from: string, to: string): void {
      const row = stored.get(rowid)!;
      redate.run(to, rowid);
      pending.push({ key: searchKey(from, rowid), paper: undefined });
      pending.push({
        key: searchKey(to, rowid),
        paper: {
          title: row.title,
          abstract: row.abstract,
          authors: JSON.parse(row.authors) as string[],
          categories: JSON.parse(row.categories) as string[],
        },
      });
    },
    /** Writes the waiting changes in key order (a stable sort: a key's changes stay in turn). */
    flush(): void {
      pending.sort((a, b) => a.key - b.key).forEach(apply);
      pending.length = 0;
    },
  };
}
