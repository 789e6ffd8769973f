// Hugging Face's Daily Papers counts (`HF_PAPERS_URL?date=YYYY-MM-DD`), the advice's "top hype" tab
// today: the last week's lists, each fetched until it has settled (today's and yesterday's lists are
// fetched again every round, older ones once), conditionally, through the web client. Optional
// (CURATOR_POPULARITY=off). A failure stops this part only: the digest never waits on it.
import type { Context } from '../app/context.ts';
import { addDays } from '../calendar/days.ts';
import { parseDailyPapers } from '../fetcher/daily-papers.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { hasPopularityList } from '../store/read/popularity.ts';
import { getValidators } from '../store/read/runs.ts';
import { storeDailyPapers } from '../store/write/popularity.ts';
import { saveValidators } from '../store/write/runs.ts';
import { recordFetch } from './fetch-run.ts';
import { writeSoon } from '../app/write.ts';
import type { PartReport } from './part-report.ts';

export const POPULARITY_DAYS = 7;

export function buildPopularityUrl(base: string, date: string): string {
  const url = new URL(base);
  url.searchParams.set('date', date);
  return url.href;
}

/** The dates to fetch, oldest first: the week's, less the settled ones already stored. */
export function planPopularityDates(today: string, has: (date: string) => boolean): string[] {
  const dates: string[] = [];
  for (let back = POPULARITY_DAYS - 1; back >= 0; back--) {
    const date = addDays(today, -back);
    if (back <= 1 || !has(date)) dates.push(date);
  }
  return dates;
}

export async function fetchPopularity(
  context: Context,
  http: HttpClient,
  options: { signal?: AbortSignal | undefined },
): Promise<PartReport> {
  if (!context.config.popularity) return { summary: 'off (CURATOR_POPULARITY=off)', problems: [], idle: true };
  const { db } = context;
  // The lists are dated by Hugging Face's day, in UTC.
  const today = context.now().toISOString().slice(0, 10);
  const dates = planPopularityDates(today, (date) => hasPopularityList(db, date));
  const problems: string[] = [];
  let papers = 0;
  for (const date of dates) {
    options.signal?.throwIfAborted();
    const url = buildPopularityUrl(context.config.popularityUrl, date);
    try {
      papers += await recordFetch(context, url, undefined, () => fetchList(context, http, url, date, options), {
        part: 'popularity',
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // One failure says the host is unhappy or unreachable: the rest waits for tomorrow.
      const why = (error as Error).message;
      return { summary: `${papers} papers counted before a failure`, problems: [why], failed: why };
    }
  }
  return { summary: `${dates.length} daily lists read, ${papers} papers counted`, problems };
}

async function fetchList(
  context: Context,
  http: HttpClient,
  url: string,
  date: string,
  options: { signal?: AbortSignal | undefined },
) {
  const { db } = context;
  const signal = options.signal ? { signal: options.signal } : {};
  const response = await http.get(url, { validators: getValidators(db, url), ...signal });
  if (response.notModified) return { result: 0, record: { status: 304 } };
  const parsed = parseDailyPapers(response.body, url);
  for (const skipped of parsed.skipped) context.log.warn('popularity.skipped', { url, entry: skipped });
  const now = context.now().toISOString();
  await writeSoon(context, () => {
    storeDailyPapers(db, date, parsed.papers, now);
    saveValidators(db, url, response.validators, now);
  });
  const counts = { papers: parsed.papers.length, skipped: parsed.skipped.length };
  return { result: parsed.papers.length, record: { status: response.status, counts } };
}
