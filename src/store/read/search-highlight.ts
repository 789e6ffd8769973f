// Where a query matched, in the text people read. The index is contentless, so its own
// highlight() has no text to mark: the page's papers go into a temporary FTS5 table with the
// same tokenizer and the same expression runs there (the same stemming and folding decide what
// matches and what is marked). Marks are private-use characters around each match; views turn
// them into segments and render/ escapes the text before it writes <mark>.
import type { Db } from '../db.ts';
import { AUTHOR_SEPARATOR, foldLetters, type ReadableText } from '../search-text.ts';
import type { MatchPlan } from './search-match.ts';

export const MARK_OPEN = '\uE010';
export const MARK_CLOSE = '\uE011';

export interface MarkedHit {
  /** With MARK_OPEN … MARK_CLOSE around each match. */
  title: string;
  /** One string per author. */
  authors: string[];
  /** About SNIPPET_CHARS of the abstract around the most matches, `…` where cut. */
  snippet: string;
}

type Range = [number, number];
type Ranges = { title: Range[]; abstract: Range[]; authors: Range[] };

const SNIPPET_CHARS = 300;
// Temporary tables live in the connection's own temp database: a read-only connection may make them.
const TABLES = {
  papers_fts: `CREATE VIRTUAL TABLE IF NOT EXISTS temp.hits_text USING fts5(title, abstract, authors, categories,
    tokenize='porter unicode61 remove_diacritics 2')`,
  names_fts: `CREATE VIRTUAL TABLE IF NOT EXISTS temp.hits_names USING fts5(authors, categories,
    tokenize='unicode61 remove_diacritics 2')`,
};

export function markMatches(db: Db, plan: MatchPlan, papers: readonly ReadableText[]): MarkedHit[] {
  const ranges = papers.map((): Ranges => ({ title: [], abstract: [], authors: [] }));
  if (plan.table === 'papers_fts') addTextRanges(db, plan.match, papers, ranges);
  const names = plan.table === 'names_fts' ? plan.match : plan.names;
  if (names !== undefined) addNameRanges(db, names, papers, ranges);
  return papers.map((paper, i) => {
    const found = ranges[i]!;
    return {
      title: insertMarks(paper.title, found.title),
      authors: paper.authors === '' ? [] : insertMarks(paper.authors, found.authors).split(AUTHOR_SEPARATOR),
      snippet: cutSnippet(paper.abstract, found.abstract),
    };
  });
}

function addTextRanges(db: Db, match: string, papers: readonly ReadableText[], ranges: Ranges[]): void {
  db.exec(TABLES.papers_fts);
  const insert = db.prepare(
    'INSERT INTO temp.hits_text (rowid, title, abstract, authors, categories) VALUES (?, ?, ?, ?, ?)',
  );
  papers.forEach((p, i) =>
    insert.run(i, foldLetters(p.title), foldLetters(p.abstract), foldLetters(p.authors), p.categories),
  );
  const rows = db
    .prepare(
      `SELECT rowid, highlight(hits_text, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS title,
        highlight(hits_text, 1, '${MARK_OPEN}', '${MARK_CLOSE}') AS abstract,
        highlight(hits_text, 2, '${MARK_OPEN}', '${MARK_CLOSE}') AS authors
      FROM temp.hits_text WHERE hits_text MATCH ?`,
    )
    .all(match) as { rowid: number; title: string; abstract: string; authors: string }[];
  db.exec('DELETE FROM temp.hits_text');
  for (const row of rows) {
    const found = ranges[row.rowid]!;
    found.title.push(...rangesOf(row.title));
    found.abstract.push(...rangesOf(row.abstract));
    found.authors.push(...rangesOf(row.authors));
  }
}

function addNameRanges(db: Db, match: string, papers: readonly ReadableText[], ranges: Ranges[]): void {
  db.exec(TABLES.names_fts);
  const insert = db.prepare('INSERT INTO temp.hits_names (rowid, authors, categories) VALUES (?, ?, ?)');
  papers.forEach((p, i) => insert.run(i, foldLetters(p.authors), p.categories));
  const rows = db
    .prepare(
      `SELECT rowid, highlight(hits_names, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS authors
      FROM temp.hits_names WHERE hits_names MATCH ?`,
    )
    .all(match) as { rowid: number; authors: string }[];
  db.exec('DELETE FROM temp.hits_names');
  for (const row of rows) ranges[row.rowid]!.authors.push(...rangesOf(row.authors));
}

/** Where the marks of a highlighted text are, in the text without them. */
function rangesOf(highlighted: string): Range[] {
  const ranges: Range[] = [];
  let at = 0;
  let start = -1;
  for (const char of highlighted) {
    if (char === MARK_OPEN) start = at;
    else if (char === MARK_CLOSE) ranges.push([start, at]);
    else at += char.length;
  }
  return ranges;
}

/**
 * Marks `text` at `ranges`. Folding maps one code unit to one, so ranges found in the folded
 * text are ranges of the text as read (`Søren` stays `Søren`, marked where `soren` matched).
 */
function insertMarks(text: string, ranges: readonly Range[]): string {
  const sorted = mergeRanges(ranges);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    out += `${text.slice(at, start)}${MARK_OPEN}${text.slice(start, end)}${MARK_CLOSE}`;
    at = end;
  }
  return out + text.slice(at);
}

function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The window of the abstract holding the most matches (the start when none), cut at spaces. */
function cutSnippet(text: string, ranges: readonly Range[]): string {
  if (text.length <= SNIPPET_CHARS) return insertMarks(text, ranges);
  const lead = SNIPPET_CHARS / 5;
  let start = 0;
  let best = 0;
  for (const [anchor] of ranges) {
    const from = Math.max(0, anchor - lead);
    const inside = ranges.filter(([s, e]) => s >= from && e <= from + SNIPPET_CHARS).length;
    if (inside > best) [best, start] = [inside, from];
  }
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const inside = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s - start, e - start]);
  return `${start > 0 ? '…' : ''}${insertMarks(text.slice(start, end), inside)}${end < text.length ? '…' : ''}`;
}
