// Keeps both full-text tables in step with `papers` (see migrations.ts and ../search-text.ts).
// Maintained from code, not triggers: an FTS5 insert from a trigger flushes the index at every row.
// The driver's type, not db.ts's: migrations.ts (which db.ts runs) calls this module.
import type Database from 'better-sqlite3';
import { searchKey, toIndexedText, type PaperText } from '../search-text.ts';

interface StoredText {
  title: string;
  abstract: string;
  authors: string;
  categories: string;
}

export function prepareSearchIndex(db: Database.Database) {
  const addText = db.prepare<[number, string, string, string, string]>(
    'INSERT INTO papers_fts (rowid, title, abstract, authors, categories) VALUES (?, ?, ?, ?, ?)',
  );
  const addNames = db.prepare<[number, string, string]>(
    'INSERT INTO names_fts (rowid, authors, categories) VALUES (?, ?, ?)',
  );
  const removeText = db.prepare<[number]>('DELETE FROM papers_fts WHERE rowid = ?');
  const removeNames = db.prepare<[number]>('DELETE FROM names_fts WHERE rowid = ?');
  const stored = db.prepare<[number | bigint], StoredText>(
    'SELECT title, abstract, authors, categories FROM papers WHERE rowid = ?',
  );
  const redate = db.prepare<[string, number | bigint]>('UPDATE papers SET search_day = ? WHERE rowid = ?');
  const add = (key: number, paper: PaperText) => {
    const text = toIndexedText(paper);
    addText.run(key, text.title, text.abstract, text.authors, text.categories);
    addNames.run(key, text.authors, text.categories);
  };
  const remove = (key: number) => {
    removeText.run(key);
    removeNames.run(key);
  };
  return {
    /** Indexes a paper stored under `rowid` and filed under `day`. */
    add: (rowid: number | bigint, day: string, paper: PaperText) => add(searchKey(day, rowid), paper),
    /** Forgets what the index holds for a paper filed under `day`. */
    remove: (rowid: number | bigint, day: string) => remove(searchKey(day, rowid)),
    /** Files a paper whose text did not change under a later day. */
    move(rowid: number | bigint, from: string, to: string): void {
      const row = stored.get(rowid)!;
      remove(searchKey(from, rowid));
      redate.run(to, rowid);
      add(searchKey(to, rowid), {
        title: row.title,
        abstract: row.abstract,
        authors: JSON.parse(row.authors) as string[],
        categories: JSON.parse(row.categories) as string[],
      });
    },
  };
}

export type SearchIndex = ReturnType<typeof prepareSearchIndex>;
