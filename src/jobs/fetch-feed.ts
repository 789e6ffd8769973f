// One fetch of the combined RSS feed of the configured categories: request, parse, store,
// log the run. Shared by the `fetch` command and the scheduler.
import type { Context } from '../app/context.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { parseFeed } from '../fetcher/parse.ts';
import { getValidators } from '../store/read/runs.ts';
import { ingestFeed } from '../store/write/ingest.ts';
import type { AnnounceType } from '../types.ts';
import { recordFetch } from './fetch-run.ts';
import { currentStarred } from './reflag.ts';
import { writeSoon } from '../app/write.ts';

export type FetchFeedResult =
  | { kind: 'not-modified'; url: string }
  | { kind: 'stored'; url: string; day: string; papers: number; byType: Partial<Record<AnnounceType, number>> };

/** `ARXIV_RSS_BASE + "cs.LG+cs.NE+stat.ML"`: one request for all categories (fetcher/FORMATS.md §1). */
export function feedUrl(context: Context): string {
  const base = context.config.rssBase.endsWith('/') ? context.config.rssBase : `${context.config.rssBase}/`;
  return base + context.config.categories.join('+');
}

export async function fetchFeed(context: Context, http: HttpClient, signal?: AbortSignal): Promise<FetchFeedResult> {
  const url = feedUrl(context);
  return recordFetch<FetchFeedResult>(
    context,
    url,
    undefined,
    async () => {
      const response = await http.get(url, { validators: getValidators(context.db, url), ...(signal && { signal }) });
      if (response.notModified) return { result: { kind: 'not-modified', url }, record: { status: 304 } };
      const feed = parseFeed(response.body, url);
      if (feed.announcedOn === undefined)
        throw new Error(`${url}: the feed names no announcement day (channel pubDate)`);
      // Once fetched, the body is stored when the write lock frees, however long that takes: never fetched again.
      const stored = await writeSoon(context, () =>
        ingestFeed(context.db, feed, {
          source: 'rss',
          categories: context.config.categories,
          flags: currentStarred(context),
          now: context.now().toISOString(),
          validators: { url, validators: response.validators },
        }),
      );
      const result = {
        kind: 'stored' as const,
        url,
        day: feed.announcedOn,
        papers: stored.papers,
        byType: stored.byType,
      };
      return {
        result,
        record: { status: 200, day: feed.announcedOn, counts: { papers: stored.papers, ...stored.byType } },
      };
    },
    { signal },
  );
}
