// Hugging Face's Daily Papers (`GET https://huggingface.co/api/daily_papers?date=YYYY-MM-DD`): a JSON
// array of entries; `paper.id` is the arXiv id, with `upvotes`, `githubRepo` and `githubStars` in
// `paper`, and `numComments` beside it (each read from either place). Entries without an arXiv id or
// a count are left out and named; a body that is not such an array is one FeedError.
import { stripControlCharacters } from '../text/control.ts';
import type { PopularityRecord } from '../types.ts';
import { FeedError, toOneLine } from './errors.ts';
import { parseArxivId } from './ids.ts';

// A repository's address, printable ASCII only: it becomes a link.
const GITHUB_REPO = /^https:\/\/github\.com\/[!-~]+$/;

export interface ParsedDailyPapers {
  papers: PopularityRecord[];
  /** One line per entry left out. */
  skipped: string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseDailyPapers(body: string, source: string): ParsedDailyPapers {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new FeedError(source, `not JSON (it starts "${toOneLine(body, 40)}")`);
  }
  if (!Array.isArray(raw)) throw new FeedError(source, 'expected a JSON array of daily papers');
  const out: ParsedDailyPapers = { papers: [], skipped: [] };
  raw.forEach((entry: unknown, index) => {
    const paper = readEntry(entry);
    if (typeof paper === 'string') out.skipped.push(`entry ${index}: ${paper}`);
    else out.papers.push(paper);
  });
  return out;
}

/** The record, or why the entry is left out. */
function readEntry(entry: unknown): PopularityRecord | string {
  if (!isObject(entry) || !isObject(entry.paper)) return 'no "paper" object';
  const paper = entry.paper;
  const id = typeof paper.id === 'string' ? paper.id.trim() : '';
  if (!isBareId(id)) return `"${toOneLine(String(paper.id), 40)}" is not an arXiv id`;
  const upvotes = readCount(paper.upvotes ?? entry.upvotes);
  if (upvotes === undefined) return `${id}: no upvote count`;
  const title = [paper.title, entry.title].find((value): value is string => typeof value === 'string') ?? id;
  const comments = readCount(entry.numComments ?? paper.numComments);
  const stars = readCount(paper.githubStars ?? entry.githubStars);
  const repo = [paper.githubRepo, entry.githubRepo].find(
    (value): value is string => typeof value === 'string' && GITHUB_REPO.test(value),
  );
  return {
    paperId: id,
    // Cleaned as arXiv's text is (text/control.ts): a title is shown on /top and in the JSON.
    title: toOneLine(stripControlCharacters(title), 300),
    upvotes,
    ...(comments !== undefined && { comments }),
    ...(repo !== undefined && { githubRepo: repo }),
    ...(stars !== undefined && { githubStars: stars }),
  };
}

/** An id as written, without a prefix or version: the paper's own id. */
function isBareId(text: string): boolean {
  return parseArxivId(text)?.id === text;
}

function readCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
