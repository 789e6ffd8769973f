// What the search index holds for a paper, and where: the text people read (TeX accents decoded,
// `Horv\'ath` is Horváth), letters SQLite's `remove_diacritics 2` leaves alone folded (ø, ł: so
// "Soren" finds S{\o}ren), categories as single tokens, and a key that files each paper by date.
// Shared by the writers (ingest, migration, bench) and the scratch index (highlights, watches),
// which must see the same text.
import { foldLetters } from '../text/fold.ts';
import { texToPlain } from '../text/tex.ts';

/** Authors are one column, one name per line; a line break is a token boundary for FTS5. */
export const AUTHOR_SEPARATOR = '\n';

// Private-use characters mark highlights (see views/search-highlight.ts): none may come from the data.
const PRIVATE = /[\uE000-\uF8FF]/g;

export interface PaperText {
  title: string;
  abstract: string;
  authors: readonly string[];
  categories: readonly string[];
}

/** The columns of the full-text table, as readers see them (decoded) before folding. */
export interface ReadableText {
  title: string;
  abstract: string;
  /** Names joined by AUTHOR_SEPARATOR. */
  authors: string;
  /** Category tokens separated by spaces. */
  categories: string;
}

/** Decoded text, as shown in search results. */
export function toReadableText(paper: PaperText): ReadableText {
  const plain = (text: string) => texToPlain(text).replace(PRIVATE, '');
  return {
    title: plain(paper.title),
    abstract: plain(paper.abstract),
    authors: paper.authors.map((name) => plain(name).replace(/\s+/g, ' ')).join(AUTHOR_SEPARATOR),
    categories: paper.categories.map(categoryToken).join(' '),
  };
}

/** What the index stores: the readable text with the letters unicode61 keeps folded. */
export function toIndexedText(paper: PaperText): ReadableText {
  const readable = toReadableText(paper);
  return {
    title: foldLetters(readable.title),
    abstract: foldLetters(readable.abstract),
    authors: foldLetters(readable.authors),
    categories: readable.categories,
  };
}

/**
 * A category as one token: `cs.CV` is `cscv`, `q-bio.NC` is `qbionc`. unicode61 would split
 * `cs.CV` into `cs` and `cv`, and `cv` is also a word.
 */
export function categoryToken(category: string): string {
  return category.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const DAY_MS = 86_400_000;
/** Keys of one day: one per possible rowid in `papers`. */
export const KEYS_PER_DAY = 2 ** 32;
const ROWIDS = KEYS_PER_DAY;

/**
 * The index's rowid for a paper: its day (days since 1970) times 2^32, plus its rowid in
 * `papers`. The full-text table is ordered by date, so "newest first", a date range and
 * "the newest N matches" are ranges of rowids that FTS5 walks without sorting.
 */
export function searchKey(day: string, paperRowid: number | bigint): number {
  return (Date.parse(`${day}T00:00:00Z`) / DAY_MS) * ROWIDS + Number(paperRowid);
}

/** The first key of `day`. */
export function firstKeyOf(day: string): number {
  return searchKey(day, 0);
}

/** The rowid in `papers` of an index key. */
export function paperRowidOf(key: number): number {
  return key % ROWIDS;
}

/**
 * The day a paper is filed under: its latest announcement, else (API and OAI papers not
 * announced) the date of its latest version, else of its first, else the day it was stored.
 */
export function datePaper(paper: { updated?: string | null; published?: string | null }, now: string): string {
  return (paper.updated ?? paper.published ?? now).slice(0, 10);
}
