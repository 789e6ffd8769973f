// Filling announcement days from the arXiv API (fetcher/FORMATS.md §3), one day at a time.
//
// How exact this is. The RSS feed says what arXiv announced on a day; the API only answers
// "what was submitted between two instants". So for each announcement day we ask for the
// papers first submitted in its window (src/jobs/windows.ts: previous cutoff to this cutoff,
// 14:00 US Eastern, holidays rolled forward) in our categories, and infer the rest:
// - API entries carry the LATEST version's metadata, and submittedDate is the v1 date, so a
//   replacement announced that day is NOT found this way; API days hold new papers and
//   cross-lists only (the RSS feed of the same day would also list replacements).
// - How a paper was announced is inferred from its primary category (inferAnnounceType):
//   primary in our categories -> `new`, otherwise -> `cross`, as version 1 even when the API
//   already shows a later version (`firstSubmissions`). A paper whose primary category
//   was changed after announcement is misfiled, and a paper cross-listed to us days after its
//   submission is filed under its submission's day instead of the cross-list's.
// - The cutoff is arXiv's published one; a paper held for moderation past it is announced later
//   than its window says. Ad-hoc deferrals (status.arxiv.org) are not in config/holidays.json.
//
// A day is stored in ONE transaction after its last page (ingestFeed marks the day stored on
// every call), so an interrupted day leaves nothing behind and is redone whole on the next run.
import type { Context } from '../app/context.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { parseFeed } from '../fetcher/parse.ts';
import { isDayStored } from '../store/read/days.ts';
import { ingestFeed } from '../store/write/ingest.ts';
import type { PaperRecord, ParsedFeed } from '../types.ts';
import { recordFetch } from './fetch-run.ts';
import { currentStarred } from './reflag.ts';
import { writeSoon } from '../app/write.ts';
import { formatApiRange, submissionWindow, type SubmissionWindow } from './windows.ts';

/** The API's largest page; it refuses to page beyond 30000 results in all (fetcher/FORMATS.md §3). */
export const API_PAGE_SIZE = 2000;
const API_RESULT_LIMIT = 30_000;
/**
 * A day is a page or two (1,000 to 2,000 papers); 30,000 results are 15 full pages. An API that
 * claims more than it gives (one entry a page, totalResults=30000) stops here, not after 30,000
 * requests.
 */
export const MAX_PAGES_PER_DAY = 16;

export interface BackfillProgress {
  daysDone: number;
  daysTotal: number;
  requests: number;
  papers: number;
}

export interface DayOutcome {
  day: string;
  /** `empty`: the API found nothing, which for our categories means it is behind; not marked stored. */
  kind: 'stored' | 'skipped' | 'empty';
  papers: number;
  requests: number;
  /** Why paging stopped before the API's totalResults: the day holds what came until then. */
  cutShort?: string;
}

export interface BackfillOptions {
  holidays: ReadonlySet<string>;
  /** Fetch days that are already stored. */
  force?: boolean;
  signal?: AbortSignal;
  pageSize?: number;
  onDay?: (outcome: DayOutcome, progress: BackfillProgress) => void;
}

export interface BackfillResult extends BackfillProgress {
  days: DayOutcome[];
}

/** `(cat:A OR cat:B) AND submittedDate:[… TO …]`, form-encoded (`+` for spaces, `%28` for `(`). */
export function buildApiUrl(
  apiUrl: string,
  categories: readonly string[],
  window: SubmissionWindow,
  start: number,
  max: number,
): string {
  const cats = categories.map((c) => `cat:${c}`).join(' OR ');
  const params = new URLSearchParams({
    search_query: `(${cats}) AND submittedDate:${formatApiRange(window)}`,
    sortBy: 'submittedDate',
    sortOrder: 'ascending',
    start: String(start),
    max_results: String(max),
  });
  return `${apiUrl}?${params.toString()}`;
}

/** Fills `days` (announcement feed days, oldest first), skipping stored ones unless `force`. */
export async function backfillDays(
  context: Context,
  http: HttpClient,
  days: readonly string[],
  options: BackfillOptions,
): Promise<BackfillResult> {
  const result: BackfillResult = { days: [], daysDone: 0, daysTotal: days.length, requests: 0, papers: 0 };
  for (const day of days) {
    options.signal?.throwIfAborted();
    const outcome =
      !options.force && isDayStored(context.db, day)
        ? { day, kind: 'skipped' as const, papers: 0, requests: 0 }
        : await fetchDay(context, http, day, options);
    result.days.push(outcome);
    result.daysDone += 1;
    result.requests += outcome.requests;
    result.papers += outcome.papers;
    options.onDay?.(outcome, {
      daysDone: result.daysDone,
      daysTotal: result.daysTotal,
      requests: result.requests,
      papers: result.papers,
    });
  }
  return result;
}

async function fetchDay(
  context: Context,
  http: HttpClient,
  day: string,
  options: BackfillOptions,
): Promise<DayOutcome> {
  const window = submissionWindow(day, options.holidays);
  const { papers, requests, cutShort } = await fetchDayPages(context, http, day, window, options);
  if (papers.size === 0) {
    context.log.warn('backfill.empty', {
      day,
      range: formatApiRange(window),
      reason: 'the API found no papers; not marking the day stored',
    });
    return { day, kind: 'empty', papers: 0, requests };
  }
  if (cutShort !== undefined) context.log.warn('backfill.cut_short', { day, reason: cutShort });
  const feed: ParsedFeed = { format: 'atom', papers: [...papers.values()] };
  const stored = await writeSoon(context, () =>
    ingestFeed(context.db, feed, {
      source: 'api',
      day,
      categories: context.config.categories,
      flags: currentStarred(context),
      now: context.now().toISOString(),
      firstSubmissions: true,
    }),
  );
  return { day, kind: 'stored', papers: stored.papers, requests, ...(cutShort !== undefined && { cutShort }) };
}

/** Pages with `start` until totalResults, a page that adds nothing new, or MAX_PAGES_PER_DAY. */
async function fetchDayPages(
  context: Context,
  http: HttpClient,
  day: string,
  window: SubmissionWindow,
  options: BackfillOptions,
): Promise<{ papers: Map<string, PaperRecord>; requests: number; cutShort?: string }> {
  const pageSize = options.pageSize ?? API_PAGE_SIZE;
  const papers = new Map<string, PaperRecord>();
  for (let start = 0, requests = 1; ; requests++) {
    const url = buildApiUrl(context.config.apiUrl, context.config.categories, window, start, pageSize);
    const page = await fetchPage(context, http, url, { day, signal: options.signal });
    const before = papers.size;
    for (const paper of page.papers) papers.set(paper.id, paper);
    const total = Math.min(page.totalResults ?? 0, API_RESULT_LIMIT);
    start += page.papers.length;
    if (start >= total) return { papers, requests };
    // arXiv's API sometimes answers a page with no entries; storing the day now would leave a hole.
    if (page.papers.length === 0)
      throw new Error(`${url}: empty page at start=${start} of ${total} results; the day will be fetched again`);
    const claim = `the API claimed ${total} results and gave ${papers.size} in ${requests} pages`;
    const again = `backfill --from ${day} --to ${day} --force tries again`;
    if (papers.size === before)
      return { papers, requests, cutShort: `page ${requests} added no new paper (${claim}); ${again}` };
    if (requests >= MAX_PAGES_PER_DAY)
      return { papers, requests, cutShort: `stopped at ${MAX_PAGES_PER_DAY} pages a day (${claim}); ${again}` };
  }
}

/** One API or OAI-PMH request, parsed, with its line in the fetch log and in the process log. */
export function fetchPage(
  context: Context,
  http: HttpClient,
  url: string,
  options: { day?: string; signal?: AbortSignal | undefined },
): Promise<ParsedFeed> {
  return recordFetch(
    context,
    url,
    options.day,
    async () => {
      const response = await http.get(url, options.signal ? { signal: options.signal } : {});
      const feed = parseFeed(response.body, url);
      const counts = { papers: feed.papers.length, total: feed.totalResults ?? 0 };
      return { result: feed, record: { status: response.status, counts } };
    },
    { signal: options.signal },
  );
}
