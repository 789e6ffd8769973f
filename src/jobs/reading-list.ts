// The reading list's abstracts (/start), fetched once through the API: one `id_list` request for the
// entries whose paper is not stored yet (fetcher/FORMATS.md §3), stored as papers without an announcement day.
import type { Context } from '../app/context.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { parseFeed } from '../fetcher/parse.ts';
import { findStoredIds } from '../store/read/papers.ts';
import { ingestFeed } from '../store/write/ingest.ts';
import { recordFetch } from './fetch-run.ts';
import { writeSoon } from '../app/write.ts';
import type { PartReport } from './part-report.ts';
import { currentStarred } from './reflag.ts';

export function buildIdListUrl(apiUrl: string, ids: readonly string[]): string {
  const params = new URLSearchParams({ id_list: ids.join(','), max_results: String(ids.length) });
  return `${apiUrl}?${params.toString()}`;
}

export async function fetchReadingList(
  context: Context,
  http: HttpClient,
  options: { signal?: AbortSignal | undefined },
): Promise<PartReport> {
  const ids = loadReadingList(context.config.readingListPath).flatMap((entry) => entry.arxiv ?? []);
  const stored = findStoredIds(context.db, ids);
  const missing = ids.filter((id) => !stored.has(id));
  if (missing.length === 0) return { summary: `all ${ids.length} abstracts stored`, problems: [], idle: true };
  const url = buildIdListUrl(context.config.apiUrl, missing);
  const got = await recordFetch(
    context,
    url,
    undefined,
    async () => {
      const response = await http.get(url, options.signal ? { signal: options.signal } : {});
      const feed = parseFeed(response.body, url);
      await writeSoon(context, () =>
        ingestFeed(context.db, feed, {
          source: 'reading-list',
          categories: context.config.categories,
          flags: currentStarred(context),
          now: context.now().toISOString(),
        }),
      );
      return {
        result: feed.papers.length,
        record: { status: response.status, counts: { papers: feed.papers.length } },
      };
    },
    { part: 'reading-list', signal: options.signal },
  );
  const left = missing.length - got;
  return {
    summary: `${got} abstract${got === 1 ? '' : 's'} fetched`,
    problems: left > 0 ? [`arXiv returned ${got} of the ${missing.length} papers asked for`] : [],
  };
}
