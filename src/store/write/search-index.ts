// Keeps the full-text table in step with `papers` (see migrations.ts and ../search-text.ts).
// Maintained from code, not triggers: FTS5 flushes its pending terms to a new segment whenever a
// statement savepoint closes (a trigger) or a rowid is lower than the one written before it
// (sqlite3Fts5IndexBeginWrite), and a segment a paper made the import four times slower. Keys are
// by date and an import's papers come in any date order, so changes wait and go to FTS5 in key
// order when the caller flushes (once per ingest, before it commits). They wait in SQLite, in a
// temporary table keyed by the index key (so it reads back in key order), not in JavaScript: a
// file's papers kept alive until its commit made the importing thread's heap grow by a file's text,
// and each flush is then two statements rather than two per paper.
// The driver's type, not db.ts's: migrations.ts (which db.ts runs) calls this module.
import type Database from 'better-sqlite3';
import { searchKey, toIndexedText, type PaperText } from '../search-text.ts';

interface StoredText {
  title: string;
  abstract: string;
  authors: string;
  categories: string;
}

/** One writer at a time per connection: the waiting changes share one temporary table. */
export function prepareSearchIndex(db: Database.Database) {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS pending_index (
    key INTEGER PRIMARY KEY, title TEXT, abstract TEXT, authors TEXT, categories TEXT)`);
  const hold = db.prepare<[number, string, string, string, string]>(
    'INSERT OR REPLACE INTO temp.pending_index (key, title, abstract, authors, categories) VALUES (?, ?, ?, ?, ?)',
  );
  const cancel = db.prepare<[number]>('DELETE FROM temp.pending_index WHERE key = ?');
  const writeText = db.prepare(`INSERT INTO papers_fts (rowid, title, abstract, authors, categories)
    SELECT key, title, abstract, authors, categories FROM temp.pending_index ORDER BY key`);
  const clear = db.prepare('DELETE FROM temp.pending_index');
  const removeText = db.prepare<[number]>('DELETE FROM papers_fts WHERE rowid = ?');
  const stored = db.prepare<[number | bigint], StoredText>(
    'SELECT title, abstract, authors, categories FROM papers WHERE rowid = ?',
  );
  const redate = db.prepare<[string, number | bigint]>('UPDATE papers SET search_day = ? WHERE rowid = ?');
  // Keys waiting in the table, and keys the index holds that must go (a paper replaced or moved).
  const held = new Set<number>();
  const removals: number[] = [];
  clear.run();
  const add = (key: number, paper: PaperText) => {
    const text = toIndexedText(paper);
    hold.run(key, text.title, text.abstract, text.authors, text.categories);
    held.add(key);
  };
  // A key added since the last flush is not in the index yet: taking it back is enough.
  const remove = (key: number) => {
    if (held.delete(key)) cancel.run(key);
    else removals.push(key);
  };
  return {
    /** Indexes a paper stored under `rowid` and filed under `day`. */
    add: (rowid: number | bigint, day: string, paper: PaperText) => add(searchKey(day, rowid), paper),
    /** Forgets what the index holds for a paper filed under `day`. */
    remove: (rowid: number | bigint, day: string) => remove(searchKey(day, rowid)),
    /** Files a paper whose text did not change under a later day. */
    move(rowid: number | bigint, from: string, to: string): void {
      const row = stored.get(rowid)!;
      redate.run(to, rowid);
      remove(searchKey(from, rowid));
      add(searchKey(to, rowid), {
        title: row.title,
        abstract: row.abstract,
        authors: JSON.parse(row.authors) as string[],
        categories: JSON.parse(row.categories) as string[],
      });
    },
    /** Writes the waiting changes: the removals, then the additions, each in key order. */
    flush(): void {
      for (const key of removals.sort((a, b) => a - b)) removeText.run(key);
      if (held.size > 0) {
        writeText.run();
        clear.run();
      }
      held.clear();
      removals.length = 0;
    },
  };
}
