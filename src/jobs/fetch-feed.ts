// One fetch of the combined RSS feed of the configured categories: request, parse, store,
// log the run. Shared by the `fetch` command and the scheduler.
import type { Context } from '../context.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { parseFeed } from '../fetcher/parse.ts';
import { ingestFeed, type IngestResult } from '../store/ingest.ts';
import { finishFetchRun, getValidators, startFetchRun } from '../store/runs.ts';
import type { AnnounceType } from '../types.ts';

export type FetchFeedResult =
  | { kind: 'not-modified'; url: string }
  | { kind: 'stored'; url: string; day: string; papers: number; byType: Partial<Record<AnnounceType, number>>; builtAt?: string };

/** `ARXIV_RSS_BASE + "cs.LG+cs.NE+stat.ML"`: one request for all categories (FORMATS.md §1). */
export function feedUrl(context: Context): string {
  const base = context.config.rssBase.endsWith('/') ? context.config.rssBase : `${context.config.rssBase}/`;
  return base + context.config.categories.join('+');
}

export async function fetchFeed(context: Context, http: HttpClient, signal?: AbortSignal): Promise<FetchFeedResult> {
  const { db, log } = context;
  const url = feedUrl(context);
  const started = Date.now();
  const runId = startFetchRun(db, url, context.now().toISOString());
  log.info('fetch.start', { url });
  try {
    const result = await fetchAndStore(context, http, url, signal);
    const counts = result.kind === 'stored' ? { papers: result.papers, ...result.byType } : undefined;
    finishFetchRun(db, runId, { status: result.kind === 'stored' ? 200 : 304, day: result.kind === 'stored' ? result.day : undefined, counts }, context.now().toISOString());
    log.info('fetch.end', { url, result: result.kind, day: result.kind === 'stored' ? result.day : undefined, papers: counts?.papers, ms: Date.now() - started });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = (error as { status?: number }).status;
    finishFetchRun(db, runId, { status, error: message }, context.now().toISOString());
    log.error('fetch.failed', { url, error: message, ms: Date.now() - started });
    throw error;
  }
}

async function fetchAndStore(context: Context, http: HttpClient, url: string, signal?: AbortSignal): Promise<FetchFeedResult> {
  const response = await http.get(url, { validators: getValidators(context.db, url), signal });
  if (response.notModified) return { kind: 'not-modified', url };
  const feed = parseFeed(response.body, url);
  if (feed.announcedOn === undefined) throw new Error(`${url}: the feed names no announcement day (channel pubDate)`);
  const result: IngestResult = ingestFeed(context.db, feed, {
    source: 'rss',
    categories: context.config.categories,
    flag: context.flag,
    now: context.now().toISOString(),
    validators: { url, validators: response.validators },
  });
  return { kind: 'stored', url, day: feed.announcedOn, papers: result.papers, byType: result.byType, builtAt: feed.builtAt };
}
