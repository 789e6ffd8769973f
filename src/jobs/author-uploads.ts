// Every upload of a starred author, not only those in our categories: a Hinton paper in q-bio.NC
// never reaches the combined feed. Once a day, one request per author (15 at most, the least
// recently checked first), through the one arXiv client and its pacing:
// - with `"arxiv": "<id>"` in config/authors.json, the author's own Atom feed
//   (https://arxiv.org/a/<id>.atom, "the same format as the arXiv API", info.arxiv.org/help/author_identifiers.html);
// - else an API search for the configured name and variants, newest submissions first (fetcher/FORMATS.md §3).
// Only papers the matcher accepts for that author are kept, and only recent ones (first version within
// LOOKBACK_DAYS): those not stored yet join the round's announcement day as new or cross-list (by their
// primary category) without marking the day stored. Papers the author's own feed lists confirm the
// author's `likely` matches on them (read/digest.ts shows them `exact`).
import type { Context } from '../app/context.ts';
import { FeedError } from '../fetcher/errors.ts';
import { HttpError, type HttpClient } from '../fetcher/http.ts';
import { parseFeed } from '../fetcher/parse.ts';
import { getMeta } from '../store/read/meta.ts';
import { findStoredIds } from '../store/read/papers.ts';
import { getValidators } from '../store/read/runs.ts';
import { confirmAuthorPapers } from '../store/write/confirmations.ts';
import { ingestFeed } from '../store/write/ingest.ts';
import { setMeta } from '../store/write/meta.ts';
import type { PaperRecord, StarredAuthor } from '../types.ts';
import { recordFetch } from './fetch-run.ts';
import { writeSoon } from '../app/write.ts';
import { currentStarred } from './reflag.ts';
import type { PartReport } from './part-report.ts';

export const MAX_AUTHOR_REQUESTS = 15;
/** An author's newest submissions: a day's worth and more, never their whole record. */
export const AUTHOR_RESULTS = 10;
/** Older papers are not "uploads" to announce, even when we never stored them. */
export const LOOKBACK_DAYS = 14;
const CHECKED_KEY = 'author_uploads.checked';

/** `au:"Geoffrey Hinton" OR au:"Geoffrey E. Hinton"`, newest submissions first. */
export function buildAuthorQueryUrl(apiUrl: string, author: StarredAuthor): string {
  const names = [...new Set([author.name, ...author.variants])].map((name) => `au:"${name.replace(/"/g, '')}"`);
  const params = new URLSearchParams({
    search_query: names.join(' OR '),
    sortBy: 'submittedDate',
    sortOrder: 'descending',
    start: '0',
    max_results: String(AUTHOR_RESULTS),
  });
  return `${apiUrl}?${params.toString()}`;
}

export function authorSourceUrl(context: Context, author: StarredAuthor): string {
  if (author.arxiv !== undefined) return `${context.config.authorFeedBase}${encodeURIComponent(author.arxiv)}.atom`;
  return buildAuthorQueryUrl(context.config.apiUrl, author);
}

export async function fetchAuthorUploads(
  context: Context,
  http: HttpClient,
  options: { day: string; signal?: AbortSignal | undefined },
): Promise<PartReport> {
  if (!context.config.authorUploads) return { summary: 'off (CURATOR_AUTHOR_UPLOADS=off)', problems: [], idle: true };
  const checked = readChecked(context);
  const authors = [...currentStarred(context).authors]
    .sort((a, b) => (checked[a.id] ?? '').localeCompare(checked[b.id] ?? ''))
    .slice(0, MAX_AUTHOR_REQUESTS);
  const problems: string[] = [];
  const found: string[] = [];
  let done = 0;
  for (const author of authors) {
    options.signal?.throwIfAborted();
    try {
      const added = await fetchOneAuthor(context, http, author, options);
      if (added > 0) found.push(`${author.name} ${added}`);
      checked[author.id] = context.now().toISOString();
      done++;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      problems.push(`${author.name}: ${(error as Error).message}`);
      // arXiv unreachable or unhappy: the others would fail alike, and their requests would only wait.
      if (!isAuthorProblem(error)) {
        await writeSoon(context, () => setMeta(context.db, CHECKED_KEY, JSON.stringify(checked)));
        return { summary: summarize(done, authors.length, found), problems, failed: (error as Error).message };
      }
    }
  }
  await writeSoon(context, () => setMeta(context.db, CHECKED_KEY, JSON.stringify(checked)));
  return { summary: summarize(done, authors.length, found), problems };
}

/** A problem of this author's source (a wrong id: 404, a body that is no feed); anything else stops the part. */
function isAuthorProblem(error: unknown): boolean {
  if (error instanceof FeedError) return true;
  return error instanceof HttpError && error.kind === 'status' && error.status !== 429 && (error.status ?? 500) < 500;
}

/** "15 starred authors checked, …", or "3 of 15 …" when the others could not be. */
function summarize(checked: number, asked: number, found: readonly string[]): string {
  const added = found.length === 0 ? 'no new paper' : `new papers: ${found.join(', ')}`;
  const count = checked === asked ? String(checked) : `${checked} of ${asked}`;
  return `${count} starred author${asked === 1 ? '' : 's'} checked, ${added}`;
}

/** One author's request: stores their recent papers not stored yet; returns how many. */
async function fetchOneAuthor(
  context: Context,
  http: HttpClient,
  author: StarredAuthor,
  options: { day: string; signal?: AbortSignal | undefined },
): Promise<number> {
  const url = authorSourceUrl(context, author);
  return recordFetch(
    context,
    url,
    options.day,
    async () => {
      const { db } = context;
      const get = options.signal ? { signal: options.signal } : {};
      const response = await http.get(url, { validators: getValidators(db, url), ...get });
      if (response.notModified) return { result: 0, record: { status: 304 } };
      const list = currentStarred(context);
      const theirs = parseFeed(response.body, url).papers.filter((paper) =>
        list.flag(paper.authors).some((match) => match.authorId === author.id),
      );
      const stored = findStoredIds(
        db,
        theirs.map((paper) => paper.id),
      );
      const fresh = theirs.filter((paper) => !stored.has(paper.id) && isRecent(paper, context.now()));
      // Stored when the write lock frees (another process may be writing), never fetched again.
      await writeSoon(context, () => {
        ingestFeed(
          db,
          { format: 'atom', papers: fresh },
          {
            source: 'authors',
            day: options.day,
            categories: context.config.categories,
            flags: list,
            now: context.now().toISOString(),
            firstSubmissions: true,
            storesDay: false,
            validators: { url, validators: response.validators },
          },
        );
        if (author.arxiv !== undefined)
          confirmAuthorPapers(
            db,
            author.id,
            theirs.map((paper) => paper.id),
          );
      });
      const counts = { papers: theirs.length, new: fresh.length };
      return { result: fresh.length, record: { status: response.status, counts } };
    },
    { part: 'authors', signal: options.signal },
  );
}

function isRecent(paper: PaperRecord, now: Date): boolean {
  const first = Date.parse(paper.published ?? paper.updated ?? '');
  return !Number.isNaN(first) && now.getTime() - first <= LOOKBACK_DAYS * 86_400_000;
}

function readChecked(context: Context): Record<string, string> {
  const raw = getMeta(context.db, CHECKED_KEY);
  return raw === undefined ? {} : (JSON.parse(raw) as Record<string, string>);
}
