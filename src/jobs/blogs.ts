// The blogs of config/feeds.json, once a day: one conditional GET per feed through the web client
// (its own pacing, not arXiv's); new items are listed under the round's announcement day. A feed
// that cannot be read (unreachable, 404, not a feed) is a problem of its own, reported on /healthz
// and the page: the other feeds and the round go on.
import type { Context } from '../app/context.ts';
import { loadFeedsConfig, type FollowedFeed } from '../curate/feeds-config.ts';
import { parseBlogFeed } from '../fetcher/blog-feed.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { getValidators } from '../store/read/runs.ts';
import { saveValidators } from '../store/write/runs.ts';
import { storeSourceItems } from '../store/write/source-items.ts';
import type { FeedItemRecord } from '../types.ts';
import { recordFetch } from './fetch-run.ts';
import { writeSoon } from '../app/write.ts';
import type { PartReport } from './part-report.ts';

/** An item published this long before we first see it is archived, not listed as the day's news. */
export const BLOG_LOOKBACK_DAYS = 14;
/** The day of an item that only the archive (/start) lists. */
export const ARCHIVE_ONLY = '';

export async function fetchBlogs(
  context: Context,
  http: HttpClient,
  options: { day: string; signal?: AbortSignal | undefined },
): Promise<PartReport> {
  const feeds = loadFeedsConfig(context.config.feedsPath);
  const problems: string[] = [];
  let added = 0;
  for (const feed of feeds) {
    options.signal?.throwIfAborted();
    try {
      added += await fetchOneFeed(context, http, feed, options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      problems.push(`${feed.title}: ${(error as Error).message}`);
    }
  }
  const read = feeds.length - problems.length;
  const summary = `${read} of ${feeds.length} feeds read, ${added} new post${added === 1 ? '' : 's'}`;
  if (feeds.length === 0) return { summary, problems, idle: true };
  // Not one feed read is a failed part, whatever each one's reason (the network is down, most likely).
  return { summary, problems, ...(read === 0 && { failed: `no feed could be read (${problems[0]})` }) };
}

async function fetchOneFeed(
  context: Context,
  http: HttpClient,
  feed: FollowedFeed,
  options: { day: string; signal?: AbortSignal | undefined },
): Promise<number> {
  const { db } = context;
  const work = async () => {
    const signal = options.signal ? { signal: options.signal } : {};
    const response = await http.get(feed.url, { validators: getValidators(db, feed.url), ...signal });
    if (response.notModified) return { result: 0, record: { status: 304 } };
    const { items } = parseBlogFeed(response.body, feed.url);
    const now = context.now();
    const stored = await writeSoon(context, () => {
      const recent = items.filter((item) => isRecent(item, now));
      const old = items.filter((item) => !isRecent(item, now));
      const base = { feedId: feed.id, feedTitle: feed.title, now: now.toISOString() };
      const fresh = storeSourceItems(db, recent, { ...base, day: options.day });
      storeSourceItems(db, old, { ...base, day: ARCHIVE_ONLY });
      saveValidators(db, feed.url, response.validators, now.toISOString());
      return fresh;
    });
    return { result: stored, record: { status: response.status, counts: { items: items.length, new: stored } } };
  };
  return recordFetch(context, feed.url, undefined, work, { part: 'blogs', signal: options.signal });
}

function isRecent(item: FeedItemRecord, now: Date): boolean {
  if (item.published === undefined) return true;
  return now.getTime() - Date.parse(item.published) <= BLOG_LOOKBACK_DAYS * 86_400_000;
}
