// Where a query matched, in the text people read. The index is contentless, so its own
// highlight() has no text to mark: the same expression runs on the page's papers in a scratch
// index (store/read/scratch-index.ts: the same tokenizer and text decide what matches and what is marked).
// Marks are private-use characters around each match; views/search.ts turns them into segments and render/
// escapes the text before it writes <mark>.
import type { Db } from '../store/db.ts';
import { withScratchIndex } from '../store/read/scratch-index.ts';
import { AUTHOR_SEPARATOR, type ReadableText } from '../store/search-text.ts';

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

/** The papers' text with the matches of `match` (a search-match.ts expression) marked; none without one. */
export function markMatches(db: Db, match: string | undefined, papers: readonly ReadableText[]): MarkedHit[] {
  const ranges = papers.map((): Ranges => ({ title: [], abstract: [], authors: [] }));
  if (match !== undefined && papers.length > 0) {
    const rows = withScratchIndex(db, papers, (index) => index.highlight(match, MARK_OPEN, MARK_CLOSE));
    for (const row of rows) {
      const found = ranges[row.rowid]!;
      found.title.push(...rangesOf(row.title));
      found.abstract.push(...rangesOf(row.abstract));
      found.authors.push(...rangesOf(row.authors));
    }
  }
  return papers.map((paper, i) => {
    const found = ranges[i]!;
    return {
      title: insertMarks(paper.title, found.title),
      authors: paper.authors === '' ? [] : insertMarks(paper.authors, found.authors).split(AUTHOR_SEPARATOR),
      snippet: cutSnippet(paper.abstract, found.abstract),
    };
  });
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
