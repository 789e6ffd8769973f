// A few papers in a full-text table of their own, with the tokenizer and text of `papers_fts`
// (search-text.ts, toIndexedText), so an expression (search-match.ts) means there what it means
// on the whole index. The highlighter runs a search's expression on its page of papers (the
// index is contentless: it has no text to mark); watches run theirs on a window's papers, at a
// cost that grows with the window, not with the store (a prefix on the whole index merges the
// doclists of every word it starts). Temporary tables live in the connection's own temp
// database: a read-only connection may make them.
import type { Db } from '../db.ts';
import { foldLetters } from '../../text/fold.ts';
import type { ReadableText } from '../search-text.ts';

// The tokenizer of papers_fts (migrations.ts).
const CREATE = `CREATE VIRTUAL TABLE temp.scratch_text USING fts5(title, abstract, authors, categories,
  tokenize='unicode61 remove_diacritics 2')`;

export interface ScratchIndex {
  /** Positions (in the list given) of the papers that match `expression`. */
  match(expression: string): number[];
  /** The matching papers, with `open` and `close` around each match in title, abstract and authors. */
  highlight(expression: string, open: string, close: string): HighlightedRow[];
}

export interface HighlightedRow {
  /** Position in the list given. */
  rowid: number;
  title: string;
  abstract: string;
  authors: string;
}

/** Indexes `papers` (readable text, as toReadableText gives it) for the time `use` runs. */
export function withScratchIndex<T>(db: Db, papers: readonly ReadableText[], use: (index: ScratchIndex) => T): T {
  db.exec('DROP TABLE IF EXISTS temp.scratch_text');
  db.exec(CREATE);
  try {
    const insert = db.prepare(
      'INSERT INTO temp.scratch_text (rowid, title, abstract, authors, categories) VALUES (?, ?, ?, ?, ?)',
    );
    db.transaction(() =>
      papers.forEach((p, i) =>
        insert.run(i, foldLetters(p.title), foldLetters(p.abstract), foldLetters(p.authors), p.categories),
      ),
    )();
    const matching = db.prepare<[string], number>('SELECT rowid FROM temp.scratch_text WHERE scratch_text MATCH ?');
    return use({
      match: (expression) => matching.pluck().all(expression),
      highlight: (expression, open, close) =>
        db
          .prepare<[string, string, string, string, string, string, string], HighlightedRow>(
            `SELECT rowid, highlight(scratch_text, 0, ?, ?) AS title, highlight(scratch_text, 1, ?, ?) AS abstract,
              highlight(scratch_text, 2, ?, ?) AS authors FROM temp.scratch_text WHERE scratch_text MATCH ?`,
          )
          .all(open, close, open, close, open, close, expression),
    });
  } finally {
    db.exec('DROP TABLE temp.scratch_text');
  }
}
