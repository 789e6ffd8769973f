// A keyword watch is a saved search: words and "quoted phrases" that must all occur in a paper's
// title, abstract or author names, `-word` and `-"phrase"` that must not, `word*` for a prefix,
// and `cat:stat.ML` (any of them) / `-cat:cs.CV` (none of them) for categories. Matching is on
// whole words, case, accents and TeX accents folded. Pure.
import { decodeTexText } from '../text/tex.ts';
import { foldToAscii } from './names.ts';

export const MAX_WATCH_QUERY = 200;

export interface WatchQuery {
  include: RegExp[];
  exclude: RegExp[];
  categories: string[];
  excludedCategories: string[];
}

export interface WatchText {
  title: string;
  abstract: string;
  authors: readonly string[];
  categories: readonly string[];
}

export class WatchQueryError extends Error {
  override name = 'WatchQueryError';
}

const TOKEN = /(-?)(?:"([^"]*)"|(\S+))/g;
const CATEGORY = /^cat:([a-z-]+(?:\.[A-Za-z-]+)?)$/;

/** Folds text as papers are folded for matching: one space between lower-case ASCII words. */
export function foldWatchText(text: string): string {
  return ` ${foldToAscii(decodeTexText(text))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** A phrase as a pattern over folded text; a word ending in `*` matches as a prefix. */
function toPattern(words: string): RegExp | undefined {
  const parts = words
    .split(/\s+/)
    .map((word) => ({ folded: foldWatchText(word).trim(), prefix: word.endsWith('*') }))
    .filter((part) => part.folded !== '');
  if (parts.length === 0) return undefined;
  const body = parts.map((part) => part.folded + (part.prefix ? '[a-z0-9]*' : '')).join(' ');
  return new RegExp(` ${body} `);
}

/** Parses a watch query; a query that cannot match anything, or is malformed, throws WatchQueryError. */
export function parseWatchQuery(query: string): WatchQuery {
  if (query.length > MAX_WATCH_QUERY) throw new WatchQueryError(`a watch is at most ${MAX_WATCH_QUERY} characters`);
  if ((query.match(/"/g)?.length ?? 0) % 2 === 1) throw new WatchQueryError('a quote is not closed');
  const parsed: WatchQuery = { include: [], exclude: [], categories: [], excludedCategories: [] };
  for (const match of query.matchAll(TOKEN)) {
    const negated = match[1] === '-';
    const category = match[3] === undefined ? null : CATEGORY.exec(match[3]);
    if (category) {
      (negated ? parsed.excludedCategories : parsed.categories).push(category[1]!);
      continue;
    }
    const pattern = toPattern(match[2] ?? match[3]!);
    if (pattern !== undefined) (negated ? parsed.exclude : parsed.include).push(pattern);
  }
  if (parsed.include.length === 0 && parsed.categories.length === 0)
    throw new WatchQueryError('a watch needs a word, a "phrase" or a cat: to look for');
  return parsed;
}

/** Does the paper match: every word and phrase, none excluded, one of the categories if any. */
export function matchesWatch(query: WatchQuery, paper: WatchText, folded?: string): boolean {
  if (query.categories.length > 0 && !paper.categories.some((c) => query.categories.includes(c))) return false;
  if (paper.categories.some((c) => query.excludedCategories.includes(c))) return false;
  const text = folded ?? foldPaper(paper);
  return query.include.every((pattern) => pattern.test(text)) && !query.exclude.some((pattern) => pattern.test(text));
}

/** The paper's searchable text, folded once for all watches. */
export function foldPaper(paper: WatchText): string {
  return foldWatchText(`${paper.title} ${paper.abstract} ${paper.authors.join(' ')}`);
}

/** A slug for a watch: its words, lower case, hyphenated, at most 40 characters. */
export function slugifyWatch(query: string): string {
  const slug = foldToAscii(query)
    .replace(/cat:/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'watch' : slug;
}
